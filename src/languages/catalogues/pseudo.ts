/** The pseudo-locales' catalogue: English, pseudo-localized when the chunk loads (../pseudo.ts). */
import type { Catalogue } from "../messages";
import { pseudoCatalogue } from "../pseudo";
import { en } from "./en";

export const pseudo: Catalogue = pseudoCatalogue(en);
