// What readers are told when the seed corrects an event that an earlier seed wrote: the public
// note of the correction revision that `npm run db:seed` records on databases seeded before.
// One entry per event whose facts changed in ./events.ts since it was first seeded (issue 12);
// the two changes every database gets are described by the notes below them.

/** By the research sheet's reference (E01–E30). */
export const seedCorrectionNotes: Record<string, string> = {
  E01: "The summary called the Agreed Framework the usual starting point of the negotiating process, a judgement no cited source makes; that sentence is removed.",
  E02: "The summary said the “axis of evil” label signalled a harder US line, a judgement no cited source makes; it now says what the seed article says about Bush instead.",
  E03: "The UN Security Council and the IAEA were listed as taking part in the talks, which they did not. The IAEA is removed; the Security Council, whose condemnation North Korea walked out over, is now listed as the target. The summary no longer reads as if the first round produced the 2005 joint statement.",
  E04: "The summary called the deal the main concrete episode of Obama-era diplomacy, a judgement no cited source makes; it now says what the source says: the deal was short-lived and collapsed, like the agreements of 1994, 2005 and 2018.",
  E07: "The summary said Trump did not use the phrase “love letters” himself, which no source shows; the sources show that he did not use it at that rally. Kim Jong-un and North Korea were listed as taking part in remarks made about them; they are now listed as the remarks' target.",
  E11: "The summary said the meeting effectively closed the leader-level diplomacy begun in 2018, a judgement no cited source makes; that sentence is removed.",
  E13: "The summary now says plainly that this was the first split of the permanent members on North Korea sanctions since the sanctions began in 2006.",
  E14: "The dates: the start is known only to the month (September 2022) and the end to the day (2 November 2022), but the event was shown as approximate from 1 September, a day no source gives. It is now shown as September 2022 – 2 November 2022: the start to the month, the end to the day, and not approximate. North Korea's and Russia's denials are added as sources that dispute the claim, and the summary says what they report.",
  E15: "The United States and Jake Sullivan, whose later description of the trip the summary reports, were missing from the actors.",
  E16: "The summary said Mkrtychev sought weapons in return for aircraft, commodities and food; the cited source says aircraft, raw materials and commodities.",
  E17: "The US Embassy page was given a publication date of 14 August 2023, taken from a page header that is not a reliable publication date; the date is now left empty.",
  E19: "Sergei Shoigu, whose visit Sullivan described, and Ukraine were missing from the actors. North Korea was listed twice and is now listed once, as the warning's addressee; Kim Jong-un was listed as taking part in a statement made about him. The summary adds what Sullivan said about Shoigu's visit.",
  E21: "The summary paraphrased Kim's pledge as full support for Russia's war effort; it now gives the words the source reports, “full and unconditional support”.",
  E22: "China, whose reaction the article's quoted passage is about, was missing from the actors.",
  E23: "The summary paraphrased Lavrov's “no additional sanctions” as “no more measures” and judged that he restated an existing position; it now gives his words and what he said about spring 2022.",
  E24: "The UN Security Council, whose restrictions Putin spoke of, was missing from the actors. The summary's own judgement (“a signal of intent”) is replaced by what the sources report: Peskov said no military-technical agreements had been signed.",
  E26: "The TASS report was dated September 2023; TASS dated it 15 September 2023.",
  E28: "The event was filed under artillery ammunition, which no cited source says: the sources say military equipment and munitions, and the title now says so too. The leaders' denial is added as a source that disputes the claim, and the summary says what that source reports.",
};

/** The provenance migration's own words, so both ways of fixing a database read the same. */
export const NOTE_MOVED_NOTE =
  "An editor's note had been shown as a quote from the source. It is now shown as the editor's note, apart from the source's own words.";

export const COPY_ATTACHED_NOTE = "Attached a captured copy of the article; its quotes are checked against it.";

/** For a change this file does not describe (a seed older than the ones it knows). */
export const fallbackCorrectionNote = (fields: string[]) =>
  `Brought in line with the corrected seed data (${fields.join(", ")}).`;
