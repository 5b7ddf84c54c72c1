/**
 * Whether `npi` is a well-formed National Provider Identifier: ten digits whose last is the Luhn
 * check digit computed over the nine before it prefixed with 80840 (CMS, "Requirements for
 * National Provider Identifier Check Digit", ISO 7812 issuer prefix for US health).
 */
export function isValidNpi(npi: string): boolean {
  if (!/^\d{10}$/.test(npi)) return false;
  const digits = `80840${npi}`;
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}
