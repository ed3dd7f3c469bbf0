// The reference time of the page. The server's value travels to the client, so relative times
// and the current day hydrate unchanged; the client then moves it on (plugins/preferences.ts).
export const useNow = () => useState('now', () => Date.now())
