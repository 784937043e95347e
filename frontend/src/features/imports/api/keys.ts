export const importKeys = {
  all: ["imports"] as const,
  job: (id: number) => [...importKeys.all, "job", id] as const,
};
