"use client";
// Below 700 px the filter form folds behind "Filters (n active)" (phone.css). The disclosure is a
// native <details>: it opens by keyboard, screen readers announce it as expanded or collapsed,
// and it works with no JavaScript. On wider screens the summary is hidden and the form shown as
// it always was; this effect keeps the element's `open` state in step with that, so that the
// form is also exposed as open (and shown by browsers without ::details-content).
import { useEffect, useRef, type ReactNode } from "react";
import "./phone.css";

const WIDE = "(min-width: 700px)";

export function PhoneFilters({ count, children }: { count: number; children: ReactNode }) {
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const details = ref.current;
    if (!details) return;
    const wide = window.matchMedia(WIDE);
    if (wide.matches) details.open = true;
    // Crossing the line (a phone turned, a window resized) folds or unfolds it; otherwise the
    // reader's own choice stands.
    const onChange = () => {
      details.open = wide.matches;
    };
    wide.addEventListener("change", onChange);
    return () => wide.removeEventListener("change", onChange);
  }, []);
  return (
    <details ref={ref} className="filters-disclosure">
      <summary>Filters{count > 0 && ` (${count} active)`}</summary>
      {children}
    </details>
  );
}
