/**
 * The curriculum's order: the one source for lesson numbers, ids and titles.
 * Ids are permanent (progress is stored against them): never rename or reuse one.
 */
export const CURRICULUM = [
  { number: 1, id: "system-architecture", title: "Understand system architecture" },
  { number: 2, id: "communication-patterns", title: "Communication patterns (sync and async)" },
  { number: 3, id: "data-consistency", title: "Data consistency" },
  { number: 4, id: "fault-tolerance", title: "Error handling and fault tolerance" },
  { number: 5, id: "service-discovery", title: "Service discovery" },
  { number: 6, id: "data-handling", title: "Efficient data handling: caching and partitioning" },
  { number: 7, id: "cap-tradeoffs", title: "CAP and PACELC trade-offs" },
  { number: 8, id: "concurrency", title: "Concurrency, locking and idempotency" },
  { number: 9, id: "messaging", title: "Message passing and asynchronous processing" },
  { number: 10, id: "security", title: "Security practices" },
  { number: 11, id: "serialization", title: "Data serialization formats and schema evolution" },
  { number: 12, id: "testing", title: "Testing distributed systems" },
  { number: 13, id: "observability", title: "Logging and observability" },
  { number: 14, id: "performance", title: "Performance optimization" },
  { number: 15, id: "rate-limiting", title: "Resource and rate management" },
  { number: 16, id: "deployment", title: "Deployment and CI/CD" },
  { number: 17, id: "versioning", title: "Service and API versioning" },
  { number: 18, id: "time-and-clocks", title: "Time and clock synchronization" },
  { number: 19, id: "collaboration", title: "Collaboration, contracts and design reviews" },
  { number: 20, id: "documentation", title: "Documentation and knowledge sharing" },
] as const;

export type PracticeId = (typeof CURRICULUM)[number]["id"];

export function practiceById(id: string) {
  return CURRICULUM.find((p) => p.id === id);
}

/** The folder a lesson lives in: `04-fault-tolerance`. */
export function lessonFolderName(number: number, id: string): string {
  return `${String(number).padStart(2, "0")}-${id}`;
}
