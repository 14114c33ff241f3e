import "server-only";
import type { Metadata } from "next";
import { parseEventQuery } from "../events/query-params";
import { publicOrigin } from "../public-url";
import { feedPath } from "./feed-query";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * A list page's generateMetadata: its title, and a <link rel="alternate"> to the feed of the view
 * it shows, which is how browsers and feed readers discover it. Absolute, from PUBLIC_URL (Next
 * would otherwise resolve a relative address against localhost, there being no metadataBase).
 */
export function viewMetadata(title: string) {
  return async ({ searchParams }: Props): Promise<Metadata> => {
    const { query } = parseEventQuery(await searchParams);
    return {
      title,
      alternates: {
        types: {
          "application/atom+xml": [
            {
              url: `${publicOrigin()}${feedPath(query)}`,
              title: `${title}: new, corrected and retracted events in this view`,
            },
          ],
        },
      },
    };
  };
}
