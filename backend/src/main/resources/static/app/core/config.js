// What the app needs to know about its installation: the realm, the client, the batch limit.
// Served by the backend (/app/config.json) and kept by the service worker for offline starts.
let config;

export async function loadConfig() {
  if (!config) {
    const response = await fetch('config.json');
    if (!response.ok) {
      throw new Error(`config.json: HTTP ${response.status}`);
    }
    config = await response.json();
  }
  return config;
}
