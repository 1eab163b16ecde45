import "server-only";
import { loadFactsOf } from "../sync/facts";
import type { IssueSources } from "./issue";
import { resolveLearnerTrack } from "./tracks";

/** The app's sources for issuing: tracks as the learner has them, and their synced facts. */
export const issueSources: IssueSources = { resolveTrack: resolveLearnerTrack, loadFacts: loadFactsOf };
