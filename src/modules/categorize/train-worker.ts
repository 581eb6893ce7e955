// The worker thread that trains (src/platform/worker.ts starts it; scripts/build-cli.mjs compiles
// it as dist/cli/train-worker.js). It only runs the pure engine on the input it is given.
import { serveWorker } from "../../platform/worker.ts";
import { runTraining, type TrainingInput } from "./training-runner.ts";

serveWorker((input: TrainingInput) => runTraining(input));
