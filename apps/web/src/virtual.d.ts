declare module 'virtual:countries' {
  /** [ISO 3166-1 alpha-3, English name, may send a State delegation (UN member or observer State)] */
  const countries: ReadonlyArray<readonly [string, string, boolean]>;
  export default countries;
}
