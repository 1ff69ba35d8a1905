/** Det Fælles Designsystem's component scripts (ES modules from its source, one per component). */
declare module 'dkfds-js/tabs' {
  const Tabs: new (container: HTMLElement) => { init(): void };
  export default Tabs;
}
