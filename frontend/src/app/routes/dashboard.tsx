import { DashboardView } from "@/features/dashboard/components/dashboard-view";

export function Component() {
  return (
    <>
      <title>Dashboard · Omni-Stock</title>
      <DashboardView />
    </>
  );
}
