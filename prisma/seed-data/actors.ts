// Actors of the 30 seed events (shared/research/seed-events.md, E01–E30). Events refer to them
// by slug. Aliases are the alternative names and spellings the research sheet records, so that
// free-text search finds an actor however a source spells it.
import type { SeedActor } from "./types";

export const seedActors: SeedActor[] = [
  // States
  {
    slug: "north-korea",
    name: "North Korea",
    kind: "state",
    countryCode: "KP",
    aliases: ["DPRK", "Democratic People's Republic of Korea", "Pyongyang"],
  },
  {
    slug: "russia",
    name: "Russia",
    kind: "state",
    countryCode: "RU",
    aliases: ["Russian Federation", "Moscow", "Kremlin"],
  },
  {
    slug: "united-states",
    name: "United States",
    kind: "state",
    countryCode: "US",
    aliases: ["US", "U.S.", "USA", "Washington"],
  },
  {
    slug: "china",
    name: "China",
    kind: "state",
    countryCode: "CN",
    aliases: ["PRC", "People's Republic of China", "Beijing"],
  },
  {
    slug: "south-korea",
    name: "South Korea",
    kind: "state",
    countryCode: "KR",
    aliases: ["ROK", "Republic of Korea", "Seoul"],
  },
  { slug: "japan", name: "Japan", kind: "state", countryCode: "JP", aliases: ["Tokyo"] },
  { slug: "singapore", name: "Singapore", kind: "state", countryCode: "SG", aliases: [] },
  { slug: "vietnam", name: "Vietnam", kind: "state", countryCode: "VN", aliases: ["Viet Nam", "Hanoi"] },
  { slug: "ukraine", name: "Ukraine", kind: "state", countryCode: "UA", aliases: ["Kyiv"] },
  { slug: "belarus", name: "Belarus", kind: "state", countryCode: "BY", aliases: ["Minsk"] },
  {
    slug: "united-kingdom",
    name: "United Kingdom",
    kind: "state",
    countryCode: "GB",
    aliases: ["UK", "U.K.", "Britain", "London"],
  },

  // International bodies
  {
    slug: "un-security-council",
    name: "UN Security Council",
    kind: "international_body",
    aliases: ["UNSC", "United Nations Security Council", "U.N. Security Council", "Security Council"],
  },
  {
    slug: "un-panel-of-experts-dprk",
    name: "UN Panel of Experts on DPRK sanctions (1718 Committee)",
    kind: "international_body",
    aliases: ["Panel of Experts", "1718 Committee Panel of Experts", "UN Panel of Experts", "1718 Committee"],
  },
  {
    slug: "kedo",
    name: "KEDO",
    kind: "international_body",
    aliases: ["Korean Peninsula Energy Development Organization"],
  },

  // Government agencies, armed forces and other organisations
  {
    slug: "us-treasury-ofac",
    name: "US Treasury Office of Foreign Assets Control",
    kind: "organisation",
    countryCode: "US",
    aliases: ["OFAC", "Office of Foreign Assets Control", "US Treasury", "U.S. Department of the Treasury"],
  },
  {
    slug: "us-national-security-council",
    name: "White House National Security Council",
    kind: "organisation",
    countryCode: "US",
    aliases: ["NSC", "National Security Council"],
  },
  { slug: "roscosmos", name: "Roscosmos", kind: "organisation", countryCode: "RU", aliases: [] },
  {
    slug: "russian-pacific-fleet",
    name: "Russian Pacific Fleet",
    kind: "organisation",
    countryCode: "RU",
    aliases: ["Pacific Fleet"],
  },
  { slug: "wagner-group", name: "Wagner Group", kind: "organisation", countryCode: "RU", aliases: ["Wagner"] },

  // Persons: United States
  { slug: "george-w-bush", name: "George W. Bush", kind: "person", countryCode: "US", aliases: [] },
  { slug: "barack-obama", name: "Barack Obama", kind: "person", countryCode: "US", aliases: [] },
  { slug: "donald-trump", name: "Donald Trump", kind: "person", countryCode: "US", aliases: ["Donald J. Trump"] },
  { slug: "joe-biden", name: "Joe Biden", kind: "person", countryCode: "US", aliases: ["Joseph R. Biden Jr."] },
  { slug: "jake-sullivan", name: "Jake Sullivan", kind: "person", countryCode: "US", aliases: [] },
  { slug: "james-kelly", name: "James Kelly", kind: "person", countryCode: "US", aliases: [] },
  { slug: "sarah-sanders", name: "Sarah Sanders", kind: "person", countryCode: "US", aliases: [] },
  { slug: "stephen-biegun", name: "Stephen Biegun", kind: "person", countryCode: "US", aliases: [] },
  { slug: "linda-thomas-greenfield", name: "Linda Thomas-Greenfield", kind: "person", countryCode: "US", aliases: [] },
  { slug: "john-kirby", name: "John Kirby", kind: "person", countryCode: "US", aliases: [] },
  { slug: "brian-nelson", name: "Brian Nelson", kind: "person", countryCode: "US", aliases: [] },
  { slug: "robert-wood", name: "Robert Wood", kind: "person", countryCode: "US", aliases: [] },
  { slug: "matthew-miller", name: "Matthew Miller", kind: "person", countryCode: "US", aliases: [] },

  // Persons: North Korea
  { slug: "kim-jong-un", name: "Kim Jong-un", kind: "person", countryCode: "KP", aliases: ["Kim Jong Un"] },
  { slug: "kim-yong-il", name: "Kim Yong Il", kind: "person", countryCode: "KP", aliases: [] },
  { slug: "kang-sun-nam", name: "Kang Sun Nam", kind: "person", countryCode: "KP", aliases: [] },
  { slug: "choe-son-hui", name: "Choe Son Hui", kind: "person", countryCode: "KP", aliases: [] },
  { slug: "ri-pyong-chol", name: "Ri Pyong Chol", kind: "person", countryCode: "KP", aliases: [] },
  { slug: "pak-jong-chon", name: "Pak Jong Chon", kind: "person", countryCode: "KP", aliases: [] },
  { slug: "kim-kwang-hyok", name: "Kim Kwang Hyok", kind: "person", countryCode: "KP", aliases: [] },

  // Persons: Russia
  { slug: "vladimir-putin", name: "Vladimir Putin", kind: "person", countryCode: "RU", aliases: [] },
  { slug: "sergei-lavrov", name: "Sergei Lavrov", kind: "person", countryCode: "RU", aliases: ["Sergey Lavrov"] },
  {
    slug: "sergei-shoigu",
    name: "Sergei Shoigu",
    kind: "person",
    countryCode: "RU",
    aliases: ["Sergey Shoygu", "Sergey Shoigu"],
  },
  { slug: "dmitry-peskov", name: "Dmitry Peskov", kind: "person", countryCode: "RU", aliases: [] },
  {
    slug: "alexander-losyukov",
    name: "Alexander Losyukov",
    kind: "person",
    countryCode: "RU",
    aliases: ["Alexander Losiukov"],
  },
  { slug: "alexander-kozlov", name: "Alexander Kozlov", kind: "person", countryCode: "RU", aliases: [] },
  { slug: "oleg-kozhemyako", name: "Oleg Kozhemyako", kind: "person", countryCode: "RU", aliases: [] },
  { slug: "denis-manturov", name: "Denis Manturov", kind: "person", countryCode: "RU", aliases: [] },
  { slug: "yury-slyusar", name: "Yury Slyusar", kind: "person", countryCode: "RU", aliases: ["Yuri Slyusar"] },
  { slug: "mikhail-degtyarev", name: "Mikhail Degtyarev", kind: "person", countryCode: "RU", aliases: [] },
  {
    slug: "nikolai-yevmenov",
    name: "Nikolai Yevmenov",
    kind: "person",
    countryCode: "RU",
    aliases: ["Nikolai Evmenov"],
  },
  {
    slug: "vassily-nebenzia",
    name: "Vassily Nebenzia",
    kind: "person",
    countryCode: "RU",
    aliases: ["Vasily Nebenzya"],
  },

  // Persons: China
  { slug: "wang-yi", name: "Wang Yi", kind: "person", countryCode: "CN", aliases: [] },
  { slug: "zhang-jun", name: "Zhang Jun", kind: "person", countryCode: "CN", aliases: [] },
  { slug: "li-hongzhong", name: "Li Hongzhong", kind: "person", countryCode: "CN", aliases: [] },
  { slug: "wang-wenbin", name: "Wang Wenbin", kind: "person", countryCode: "CN", aliases: [] },

  // Persons: South Korea and Japan
  { slug: "lee-soo-hyuck", name: "Lee Soo-hyuck", kind: "person", countryCode: "KR", aliases: [] },
  { slug: "moon-jae-in", name: "Moon Jae-in", kind: "person", countryCode: "KR", aliases: [] },
  { slug: "yoon-suk-yeol", name: "Yoon Suk Yeol", kind: "person", countryCode: "KR", aliases: ["Yoon Suk-yeol"] },
  { slug: "mitoji-yabunaka", name: "Mitoji Yabunaka", kind: "person", countryCode: "JP", aliases: [] },
  { slug: "fumio-kishida", name: "Fumio Kishida", kind: "person", countryCode: "JP", aliases: ["Kishida Fumio"] },

  // Persons: others
  { slug: "alexander-lukashenko", name: "Alexander Lukashenko", kind: "person", countryCode: "BY", aliases: [] },
  { slug: "barbara-woodward", name: "Barbara Woodward", kind: "person", countryCode: "GB", aliases: [] },
  { slug: "dmytro-kuleba", name: "Dmytro Kuleba", kind: "person", countryCode: "UA", aliases: [] },
  {
    slug: "ashot-mkrtychev",
    name: "Ashot Mkrtychev",
    kind: "person",
    countryCode: "SK",
    aliases: ["Ashot Mukurchev", "Ashot Makrtichev", "Mukurchev", "Makrtichev"],
  },

  // Companies
  { slug: "verus-llc", name: "Verus LLC", kind: "company", countryCode: "RU", aliases: [] },
  { slug: "defense-engineering-llp", name: "Defense Engineering LLP", kind: "company", countryCode: "KZ", aliases: [] },
  {
    slug: "versor-sro",
    name: "Versor S.R.O.",
    kind: "company",
    countryCode: "SK",
    aliases: ["Versor s.r.o.", "Versor"],
  },
  { slug: "air-koryo", name: "Air Koryo", kind: "company", countryCode: "KP", aliases: [] },
  {
    slug: "knaaz",
    name: "Yuri Gagarin Komsomolsk-on-Amur Aircraft Plant",
    kind: "company",
    countryCode: "RU",
    aliases: ["KnAAZ", "Yury Gagarin aircraft plant", "Komsomolsk-on-Amur Aircraft Plant"],
  },
  {
    slug: "united-aircraft-corporation",
    name: "United Aircraft Corporation",
    kind: "company",
    countryCode: "RU",
    aliases: ["UAC"],
  },
  { slug: "koryo-tours", name: "Koryo Tours", kind: "company", aliases: [] },
  { slug: "young-pioneer-tours", name: "Young Pioneer Tours", kind: "company", aliases: [] },
];
