export const vendorKeys = {
  all: ["vendors"] as const,
  list: () => [...vendorKeys.all, "list"] as const,
  members: (vendorId: number) => [...vendorKeys.all, vendorId, "members"] as const,
  invitations: (vendorId: number) => [...vendorKeys.all, vendorId, "invitations"] as const,
  invitation: (token: string) => [...vendorKeys.all, "invitation", token] as const,
};
