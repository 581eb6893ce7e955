// Where the English OCR data is on disk: the @tesseract.js-data/eng package, never a download.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);

/** The folder with eng.traineddata.gz (the LSTM "best int" model: small and accurate on print). */
export function englishDataPath(): string {
  return join(dirname(require.resolve("@tesseract.js-data/eng/package.json")), "4.0.0_best_int");
}
