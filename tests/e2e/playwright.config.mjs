// End-to-end tests against the built dist/, served by a real static server
// under a sub-path (/atlas/) to prove the relative URLs.
import { defineConfig } from "@playwright/test";

const port = 4173;
const site = "../../target/e2e-site";

export default defineConfig({
  testDir: ".",
  outputDir: "artifacts",
  reporter: [["list"]],
  fullyParallel: false,
  workers: 1,
  retries: 0,
  use: {
    baseURL: `http://127.0.0.1:${port}/atlas/`,
    locale: "en-CA",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
      ],
    },
  },
  webServer: {
    command: `rm -rf ${site} && mkdir -p ${site} && cp -r ../../dist ${site}/atlas && exec python3 -m http.server ${port} --bind 127.0.0.1 --directory ${site}`,
    url: `http://127.0.0.1:${port}/atlas/`,
    reuseExistingServer: false,
    timeout: 30_000,
    stdout: "ignore",
    stderr: "ignore",
  },
});
