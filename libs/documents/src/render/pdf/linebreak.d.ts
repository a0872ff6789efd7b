/** The linebreak package (UAX #14 line breaking, by pdfkit's authors) ships no types. */
declare module 'linebreak' {
  interface Break {
    /** Index in the string where the next line may start. */
    position: number;
    /** A mandatory break (a line feed or paragraph separator before it). */
    required: boolean;
  }
  export default class LineBreaker {
    constructor(text: string);
    /** The next break opportunity, or null after the end of the string. */
    nextBreak(): Break | null;
  }
}
