"use client";
// The map's only JavaScript: on the focused map, + and − zoom and the arrow keys pan, by going to
// the same addresses as the zoom and pan links (the server draws every view; the browser never
// holds the events). Without JavaScript the links do all of this.
import { useRouter } from "next/navigation";
import { useEffect } from "react";

type Props = { frameId: string; keys: Record<string, string> };

export function MapKeys({ frameId, keys }: Props) {
  const router = useRouter();
  useEffect(() => {
    const frame = document.getElementById(frameId);
    if (!frame) return;
    const onKey = (e: KeyboardEvent) => {
      // Only on the map itself: Enter and Tab on its marks keep their usual meaning.
      if (e.target !== frame || e.altKey || e.ctrlKey || e.metaKey) return;
      const href = keys[e.key];
      if (!href) return;
      e.preventDefault();
      router.push(href, { scroll: false });
    };
    frame.addEventListener("keydown", onKey);
    return () => frame.removeEventListener("keydown", onKey);
  }, [frameId, keys, router]);
  return null;
}
