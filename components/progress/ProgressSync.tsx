"use client";

import { useEffect } from "react";
import { listenToOtherTabs, useProgress } from "@/lib/progress/store";

/** Reads stored progress once the page is in the browser, and keeps this tab in step with others. */
export function ProgressSync() {
  useEffect(() => {
    void useProgress.persist.rehydrate();
    return listenToOtherTabs(useProgress);
  }, []);
  return null;
}
