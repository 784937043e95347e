import { useEffect, useRef } from "react";
import { Outlet, useLocation } from "react-router";

/** How long a new page's heading may take to appear (its data loading) before we give up. */
const HEADING_WAIT_MS = 3000;

/**
 * After a route change (a new pathname, not new filters in the query string), the page
 * scrolls to the top and focus moves to its heading, so a screen reader announces the new
 * page and the keyboard starts from it. The heading may render only once the page's data
 * has loaded: we look for it each frame for a while, and stop as soon as the user types or
 * clicks (their focus wins). The first page load is left alone.
 */
function useRouteFocus() {
  const { pathname } = useLocation();
  const previous = useRef(pathname);

  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    window.scrollTo({ top: 0, left: 0 });

    let frame = 0;
    const deadline = performance.now() + HEADING_WAIT_MS;
    const stop = () => {
      cancelAnimationFrame(frame);
      window.removeEventListener("keydown", stop, true);
      window.removeEventListener("pointerdown", stop, true);
    };
    const focusHeading = () => {
      const heading = document.querySelector<HTMLElement>("main h1, h1");
      if (heading) {
        if (!heading.hasAttribute("tabindex")) heading.setAttribute("tabindex", "-1");
        heading.focus({ preventScroll: true });
        stop();
      } else if (performance.now() < deadline) {
        frame = requestAnimationFrame(focusHeading);
      } else {
        stop();
      }
    };
    window.addEventListener("keydown", stop, true);
    window.addEventListener("pointerdown", stop, true);
    frame = requestAnimationFrame(focusHeading);
    return stop;
  }, [pathname]);
}

/** The root route's element: every page below it gets the route-change focus. */
export function RouteFocus() {
  useRouteFocus();
  return <Outlet />;
}
