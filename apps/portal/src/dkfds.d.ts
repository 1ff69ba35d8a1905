/** Det Fælles Designsystem's JavaScript (UMD bundle): the component classes the portal uses. */
declare module 'dkfds' {
  interface Component {
    init(): void;
  }
  export const Tabs: new (container: HTMLElement) => Component;
  export const Accordion: new (element: HTMLElement) => Component;
  export const Tooltip: new (element: HTMLElement) => Component;
}
