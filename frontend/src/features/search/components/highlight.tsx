import { Fragment } from "react";

import { parseHighlight } from "../lib/highlight";

/** Renders an API highlight safely: text, with <mark> around the matches and nothing else. */
export function Highlight({ html, fallback }: { html: string | undefined; fallback?: string }) {
  if (html === undefined) return <>{fallback ?? ""}</>;
  return (
    <>
      {parseHighlight(html).map((segment, index) =>
        segment.marked ? (
          <mark key={index} className="rounded-xs bg-warning/30 px-0.5 text-foreground dark:bg-warning/25">
            {segment.text}
          </mark>
        ) : (
          <Fragment key={index}>{segment.text}</Fragment>
        ),
      )}
    </>
  );
}
