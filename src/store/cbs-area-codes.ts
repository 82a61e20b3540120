/**
 * The forms of the CBS area codes a district may carry: a wijk code
 * `WK0106dd` and buurt codes `BU0106dddd`, where 0106 is the CBS gemeentecode
 * of Assen (the TOOI code gm0106), the only municipality in the data. A buurt
 * code holds its wijk's two digits, so `BU01060801` lies in wijk `WK010608`.
 * The patterns are whole-value patterns without anchors, as Frictionless
 * Table Schema writes them; `anchored` makes a RegExp of one.
 */
const cbsMunicipalityCode = '0106'
export const cbsWijkCodePattern = `WK${cbsMunicipalityCode}[0-9]{2}`
export const cbsBuurtCodePattern = `BU${cbsMunicipalityCode}[0-9]{4}`

/** Buurt codes in one published cell: separated by single spaces, in the curators' order. */
export const cbsCodeSeparator = ' '
export const cbsBuurtCodesPattern = `${cbsBuurtCodePattern}(${cbsCodeSeparator}${cbsBuurtCodePattern})*`

/** A RegExp that matches the whole value, for a pattern of this module. */
export const anchored = (pattern: string): RegExp => new RegExp(`^(?:${pattern})$`)

/** The wijk a buurt code lies in: `BU01060801` → `WK010608`. */
export const wijkOfBuurt = (buurtCode: string): string => `WK${buurtCode.slice(2, 8)}`
