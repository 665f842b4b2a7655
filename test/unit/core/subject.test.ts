import { REPLY_PREFIXES, REPLY_PREFIX_PATTERN, normalizeSubject } from "../../../src/core";

describe("normalizeSubject", () => {
  it.each<[string, string]>([
    ["RE: Quote", "Quote"],
    ["Re: Quote", "Quote"],
    ["re: Quote", "Quote"],
    ["FW: Quote", "Quote"],
    ["Fwd: Quote", "Quote"],
    ["FWD: Quote", "Quote"],
    ["AW: Angebot", "Angebot"],
    ["WG: Angebot", "Angebot"],
    ["SV: Tilbud", "Tilbud"],
    ["VS: Tarjous", "Tarjous"],
    ["VB: Tilbud", "Tilbud"],
    ["TR: Devis", "Devis"],
    ["RIF: Offerta", "Offerta"],
    ["ENC: Proposta", "Proposta"],
    ["RES: Proposta", "Proposta"],
    ["RV: Pedido", "Pedido"],
    ["Antw: Offerte", "Offerte"],
    ["Doorst: Offerte", "Offerte"],
    ["ODP: Oferta", "Oferta"],
    ["回复: 报价", "报价"],
    ["答复: 报价", "报价"],
    ["转发: 报价", "报价"],
    ["回复：报价", "报价"],
    ["Re[2]: Quote", "Quote"],
    ["RE(3): Quote", "Quote"],
    ["Re^2: Quote", "Quote"],
    ["Re [12] : Quote", "Quote"],
    ["RE：Quote", "Quote"],
    ["RE : Quote", "Quote"],
    ["RE:Quote", "Quote"],
    ["RE: RE: RE: Quote", "Quote"],
    ["RE: FW: AW: WG: 回复：Re[2]: Quote", "Quote"],
    ["  Re:Fwd:re:  Quote   for  Q3 ", "Quote for Q3"],
    ["Reorder parts", "Reorder parts"],
    ["RE Quote", "RE Quote"],
    ["Regarding: the quote", "Regarding: the quote"],
    ["Quote RE: the price", "Quote RE: the price"],
    ["Fwding: x", "Fwding: x"],
    ["RE:", ""],
    ["", ""],
    ["Quote CRM:00021003", "Quote CRM:00021003"],
  ])("%j → %j", (subject, expected) => {
    expect(normalizeSubject(subject)).toBe(expected);
  });

  // One reply and one forward per Outlook UI language (docs/REPLY-PREFIXES.md), plus counted forms.
  it.each<[string, string]>([
    ["R: Offerta", "Offerta"], ["I: Offerta", "Offerta"], // Italian
    ["VL: Tarjous", "Tarjous"], // Finnish forward
    ["FS: Tilboð", "Tilboð"], // Icelandic forward
    ["PD: Oferta", "Oferta"], // Polish forward
    ["PŘ: Nabídka", "Nabídka"], ["Odp: Nabídka", "Nabídka"], // Czech
    ["TOV: Ajánlat", "Ajánlat"], // Hungarian forward
    ["YNT: Teklif", "Teklif"], ["İLT: Teklif", "Teklif"], // Turkish
    ["ΑΠ: Προσφορά", "Προσφορά"], ["ΠΡΘ: Προσφορά", "Προσφορά"], // Greek
    ["Отв: Предложение", "Предложение"], // Russian (other clients)
    ["Odg: Ponuda", "Ponuda"], // Croatian
    ["Edasi: Pakkumine", "Pakkumine"], // Estonian forward
    ["ATB: Piedāvājums", "Piedāvājums"], ["PĀRS: Piedāvājums", "Piedāvājums"], // Latvian
    ["ATS: Pasiūlymas", "Pasiūlymas"], // Lithuanian
    ["השב: הצעה", "הצעה"], ["הועבר: הצעה", "הצעה"], // Hebrew
    ["رد: عرض", "عرض"], // Arabic
    ["回覆：報價", "報價"], ["轉寄: 報價", "報價"], // Chinese (traditional)
    ["返信: 見積", "見積"], ["転送：見積", "見積"], // Japanese
    ["회신: 견적", "견적"], ["전달: 견적", "견적"], // Korean
    ["TL: Báo giá", "Báo giá"], // Vietnamese
    ["BLS: Penawaran", "Penawaran"], // Indonesian
    ["AW[2]: WG(3): SV： Angebot", "Angebot"],
  ])("strips %j → %j", (subject, expected) => {
    expect(normalizeSubject(subject)).toBe(expected);
  });

  it.each(["Award: winners", "Antwerp: offices", "Rates: 2027", "Ideas: list", "PR: launch", "Tlumočení: x", "Trends: Q3", "Resume attached"])(
    "keeps %j, which only looks like a prefix",
    (subject) => {
      expect(normalizeSubject(subject)).toBe(subject);
    },
  );

  it("knows prefixes of at least 20 languages", () => {
    expect(REPLY_PREFIXES.length).toBeGreaterThanOrEqual(40);
  });

  it("does not fold non-ASCII letters into Latin prefixes", () => {
    // U+212A KELVIN SIGN and U+017F LONG S fold to k and s only under Unicode case folding.
    expect(normalizeSubject("\u017FV: x")).toBe("\u017FV: x");
  });

  it("lists the prefixes it strips and matches one at a time", () => {
    expect(REPLY_PREFIXES).toEqual(expect.arrayContaining(["RE", "FW", "FWD", "AW", "WG", "SV", "VS", "VB", "TR", "RIF", "ENC", "RV", "ANTW", "DOORST", "回复", "答复", "转发"]));
    expect("RE: FW: x".replace(REPLY_PREFIX_PATTERN, "")).toBe("FW: x");
  });
});
