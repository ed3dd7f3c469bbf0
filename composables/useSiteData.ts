// Data every page needs: the settings and the severity scale. Fetched by the layout, read anywhere.

export const useSettings = () => useAsyncData('settings', () => apiData('getSettings'))

export const useSeverities = () => useAsyncData('severities', () => apiData('getSeverities'))
