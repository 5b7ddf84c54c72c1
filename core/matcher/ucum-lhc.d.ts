/** The slice of @lhncbc/ucum-lhc (a dev dependency) that the unit tests use as a reference. */
declare module '@lhncbc/ucum-lhc' {
  interface ConversionResult {
    status: 'succeeded' | 'failed' | 'error';
    toVal: number | null;
  }
  interface UcumLhcUtils {
    convertUnitTo(
      from: string,
      value: number,
      to: string,
      options?: { molecularWeight?: number },
    ): ConversionResult;
  }
  const ucum: { UcumLhcUtils: { getInstance(): UcumLhcUtils } };
  export default ucum;
}
