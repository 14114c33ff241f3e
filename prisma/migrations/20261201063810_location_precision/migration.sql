-- CreateEnum
CREATE TYPE "LocationPrecision" AS ENUM ('exact', 'city', 'region', 'country');

-- AlterTable
ALTER TABLE "event" ADD COLUMN     "location_precision" "LocationPrecision" NOT NULL DEFAULT 'country';

-- Events the seed wrote before this column: the precision the seed now gives, judged from the
-- research sheet's place (prisma/seed-data/events.ts), only where the place is still the seed's,
-- so re-running the seed finds nothing to correct. Every other row stays country.
UPDATE "event" SET "location_precision" = 'city' WHERE ("id", "place") IN (
  ('1994-10-us-dprk-agreed-framework', 'Geneva, Switzerland'),
  ('2012-02-29-us-dprk-leap-day-deal', 'Announced separately in Washington, D.C. and Pyongyang'),
  ('2019-10-us-dprk-stockholm-talks-break-down', 'Stockholm, Sweden'),
  ('2023-07-25-shoigu-visits-pyongyang', 'Weapons and Equipment Exhibition 2023 and Kim Il Sung Square, Pyongyang, North Korea'),
  ('2023-08-22-north-korea-begins-partial-border-reopening', 'Pyongyang Sunan International Airport, with flights to Beijing and Vladivostok'),
  ('2023-09-13-lavrov-un-sanctions-veto-threat', 'Moscow (TASS dateline); concerns the UN Security Council in New York'),
  ('2023-09-16-kim-visits-knevichi-air-base-and-pacific-fleet', 'Knevichi airfield and Vladivostok, Primorsky Krai, Russia'),
  ('2024-06-putin-visits-pyongyang-signs-partnership-treaty', 'Pyongyang, North Korea')
) AND "latitude" IS NOT NULL;

UPDATE "event" SET "location_precision" = 'exact' WHERE ("id", "place") IN (
  ('2002-01-bush-axis-of-evil-speech', 'US Capitol, Washington, D.C., United States'),
  ('2003-08-27-six-party-talks', 'Diaoyutai State Guesthouse, Beijing, China'),
  ('2017-08-08-trump-fire-and-fury-warning', 'Trump National Golf Club, Bedminster, New Jersey, United States'),
  ('2018-06-12-trump-kim-singapore-summit', 'Capella Hotel, Sentosa Island, Singapore'),
  ('2018-09-29-trump-fell-in-love-with-kim-remark', 'WesBanco Arena, Wheeling, West Virginia, United States'),
  ('2019-02-27-trump-kim-hanoi-summit', 'Sofitel Legend Metropole hotel, Hanoi, Vietnam'),
  ('2019-04-25-first-kim-putin-summit-vladivostok', 'Far Eastern Federal University, Russky Island, Vladivostok, Russia'),
  ('2019-06-30-trump-kim-panmunjom-meeting', 'Joint Security Area, Panmunjom, Korean Demilitarized Zone'),
  ('2022-05-26-russia-china-veto-dprk-sanctions', 'UN Headquarters, New York, United States'),
  ('2023-08-16-us-treasury-sanctions-dprk-russia-arms-brokers', 'US Department of the Treasury, Washington, D.C., United States'),
  ('2023-08-18-camp-david-trilateral-summit', 'Camp David, Catoctin Mountain Park, Maryland, United States'),
  ('2023-09-05-sullivan-pay-a-price-warning', 'White House press briefing room, Washington, D.C., United States'),
  ('2023-09-12-kim-enters-russia-at-khasan', 'Khasan station, Primorsky Krai, Russia'),
  ('2023-09-13-kim-putin-vostochny-summit', 'Vostochny Cosmodrome, near Tsiolkovsky, Amur Oblast, Russia'),
  ('2023-09-13-kim-calls-russia-ties-top-priority', 'Vostochny Cosmodrome, Amur Oblast, Russia'),
  ('2023-09-13-russia-signals-food-aid-to-north-korea', 'Vostochny Cosmodrome, Amur Oblast, Russia'),
  ('2023-09-15-kim-tours-komsomolsk-fighter-jet-plant', 'Yuri Gagarin Komsomolsk-on-Amur Aircraft Plant, Khabarovsk Krai, Russia'),
  ('2024-03-28-russia-vetoes-un-panel-of-experts-renewal', 'UN Headquarters, New York, United States')
) AND "latitude" IS NOT NULL;

UPDATE "event" SET "location_precision" = 'region' WHERE ("id", "place") IN (
  ('2020-01-north-korea-closes-borders', 'North Korea–China border (Sinuiju–Dandong crossing) and Pyongyang')
) AND "latitude" IS NOT NULL;

