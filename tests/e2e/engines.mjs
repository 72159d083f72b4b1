// What Playwright 1.58's Firefox driver (WebDriver BiDi, with Debian's Firefox ESR 153)
// cannot do, so the tests that need it skip that part in Firefox, saying why. Each was
// tried: the app does it in Firefox; the driver cannot make or observe it.
export const FIREFOX_DRIVER_CANNOT = {
  offline: "Firefox's BiDi driver does not emulate offline: context.setOffline leaves navigator.onLine true and the network up",
  workerRoutes: "Firefox's BiDi driver does not route a service worker's own fetches (context.route), which these answers need",
  download: "Firefox's BiDi driver reports no download event",
  clipboard: "Firefox's BiDi driver cannot grant clipboard-read (not a PermissionName there)",
  print: "Firefox's BiDi driver does not emulate print media (emulateMedia leaves matchMedia('print') false)",
  colorScheme: "Firefox's BiDi driver does not emulate prefers-color-scheme",
  dblclick: "Firefox's BiDi driver sends a double click as two clicks of detail 1: no dblclick event",
  tap: "Firefox's BiDi driver's tap dispatches no touch, pointer or click event",
};
