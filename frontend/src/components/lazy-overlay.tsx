import { cloneElement, useState, type ComponentType, type FocusEvent, type MouseEvent, type PointerEvent, type ReactElement } from "react";

/** What the overlay's own component receives: the trigger to wrap in its Radix root, and whether to open at once. */
export interface OverlayProps {
  trigger: ReactElement;
  defaultOpen: boolean;
}

interface TriggerProps {
  onClick?: (event: MouseEvent<HTMLButtonElement>) => void;
  onPointerEnter?: (event: PointerEvent<HTMLButtonElement>) => void;
  onFocus?: (event: FocusEvent<HTMLButtonElement>) => void;
}

type WithTrigger<P> = Omit<P, keyof OverlayProps> & { trigger: ReactElement<TriggerProps> };

/**
 * A menu, popover or dialog whose code (Radix, Floating UI, the scroll lock: ≈ 30 kB
 * gzip for a list's toolbar) is fetched on first use rather than with the screen
 * (docs/performance.md "SPA bundle"). Until then `trigger`, a real button with its name
 * and look, stands alone: pointing at it or focusing it prefetches the code, a click
 * fetches it and opens the overlay as soon as it is there. From then on, and on every
 * later mount, `load`'s component renders the trigger inside its Radix root, which does
 * the rest: focus into the overlay, Escape back to the trigger. `popup` is the trigger's
 * `aria-haspopup` until then ("menu" for a dropdown menu, "dialog" for a popover or dialog).
 */
export function lazyOverlay<P extends OverlayProps>(
  load: () => Promise<ComponentType<P>>,
  popup: "menu" | "dialog",
): ComponentType<WithTrigger<P>> {
  let loaded: ComponentType<P> | undefined;
  let pending: Promise<ComponentType<P>> | undefined;
  function fetchOverlay(): Promise<ComponentType<P>> {
    pending ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        // Offline, or a deploy in between: the next click tries again.
        pending = undefined;
        throw error;
      },
    );
    return pending;
  }

  function LazyOverlay({ trigger, ...props }: WithTrigger<P>) {
    const [Overlay, setOverlay] = useState(() => loaded);
    const [openAtOnce, setOpenAtOnce] = useState(false);
    const [, setFailure] = useState<unknown>();
    if (Overlay) return <Overlay {...(props as unknown as P)} trigger={trigger} defaultOpen={openAtOnce} />;

    const prefetch = () => void fetchOverlay().catch(() => undefined);
    return cloneElement(trigger, {
      "aria-haspopup": popup,
      "aria-expanded": false,
      "data-state": "closed",
      onPointerEnter: (event: PointerEvent<HTMLButtonElement>) => {
        trigger.props.onPointerEnter?.(event);
        prefetch();
      },
      onFocus: (event: FocusEvent<HTMLButtonElement>) => {
        trigger.props.onFocus?.(event);
        prefetch();
      },
      onClick: (event: MouseEvent<HTMLButtonElement>) => {
        trigger.props.onClick?.(event);
        fetchOverlay().then(
          (component) => {
            setOpenAtOnce(true);
            setOverlay(() => component);
          },
          // The route's error screen says the app could not load a part, and offers a reload.
          (error: unknown) =>
            setFailure(() => {
              throw error;
            }),
        );
      },
    } as Partial<TriggerProps>);
  }
  return LazyOverlay;
}
