import { SearchX } from "lucide-react";
import { Link } from "react-router";

import { EmptyState } from "@/components/states";
import { Button } from "@/components/ui/button";
import { paths } from "@/config/paths";

export function Component() {
  return (
    <>
      <title>Not found · Omni-Stock</title>
      <EmptyState
        icon={SearchX}
        title="Page not found"
        headingLevel={1}
        description="There is nothing at this address."
        action={
          <Button asChild variant="outline">
            <Link to={paths.collection}>Back to your collection</Link>
          </Button>
        }
      />
    </>
  );
}
