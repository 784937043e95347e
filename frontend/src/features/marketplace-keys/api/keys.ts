export const marketplaceKeyKeys = {
  all: ["marketplace-credentials"] as const,
  list: () => [...marketplaceKeyKeys.all, "list"] as const,
};
