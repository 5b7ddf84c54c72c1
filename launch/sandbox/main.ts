import { createSandbox } from './sandbox-app';
import { loadSandboxConfig } from './sandbox-config';

const config = loadSandboxConfig(process.env);
const sandbox = await createSandbox(config);
const loaded = sandbox.dataSummary;
if (loaded) {
  process.stdout.write(
    `SANDBOX_DATA: ${loaded.resources} resources from ${loaded.files} files; ` +
      `${loaded.skipped.length} files skipped, ${loaded.unresolvedReferences.count} references unresolved\n`,
  );
  for (const { file, error } of loaded.skipped)
    process.stdout.write(`  skipped ${file}: ${error}\n`);
}
sandbox.app.listen(config.port, () => {
  process.stdout.write(
    `${config.name}: ${config.publicUrl}/ (FHIR base ${sandbox.urls.fhirBaseUrl}, ${sandbox.patients.length} patients)\n`,
  );
});
