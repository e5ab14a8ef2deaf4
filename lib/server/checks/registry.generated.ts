// Generated from the folders of content/blocs/ by scripts/build-check-registry.mts (run before
// `dev` and `build`, or `npm run checks:registry`): do not edit. registry.test.ts fails when it
// differs from the folders.
import { check as bloc0 } from "@/content/blocs/00-installer-et-demarrer/check";
import { check as bloc1 } from "@/content/blocs/01-premiere-experience/check";
import { check as bloc2 } from "@/content/blocs/02-dependances-epinglees/check";
import { check as bloc3 } from "@/content/blocs/03-ou-vont-mes-runs/check";
import { check as bloc4 } from "@/content/blocs/04-creer-une-experience/check";
import { check as bloc5 } from "@/content/blocs/05-quel-run-est-actif/check";
import { check as bloc6 } from "@/content/blocs/06-logger-des-artefacts/check";
import { check as bloc7 } from "@/content/blocs/07-etiqueter/check";
import { check as bloc8 } from "@/content/blocs/08-plusieurs-runs/check";
import { check as bloc9 } from "@/content/blocs/09-plusieurs-experiences/check";
import { check as bloc10 } from "@/content/blocs/10-autolog/check";
import { check as bloc11 } from "@/content/blocs/11-en-production/check";
import { check as bloc12 } from "@/content/blocs/12-logger-a-la-main/check";
import { check as bloc13 } from "@/content/blocs/13-logger-le-modele/check";
import { check as bloc14 } from "@/content/blocs/14-autolog-du-modele/check";
import { check as bloc15 } from "@/content/blocs/15-modele-personnalise/check";
import { check as bloc16 } from "@/content/blocs/16-environnement-du-modele/check";
import type { BlocCheck } from "./kit/check";

/** Each written bloc's check, by number. Static imports, so that the bundler sees every check. */
export const CHECKS: Readonly<Record<number, BlocCheck>> = {
  0: bloc0,
  1: bloc1,
  2: bloc2,
  3: bloc3,
  4: bloc4,
  5: bloc5,
  6: bloc6,
  7: bloc7,
  8: bloc8,
  9: bloc9,
  10: bloc10,
  11: bloc11,
  12: bloc12,
  13: bloc13,
  14: bloc14,
  15: bloc15,
  16: bloc16,
};
