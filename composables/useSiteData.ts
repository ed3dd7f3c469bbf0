// Data every page needs: the settings and the severity scale. Fetched by the layout, read anywhere.
import type { SettingsData, SeverityData } from '~~/openapi/schemas'

export const useSettings = () => useAsyncData('settings', () => apiData<SettingsData>('/api/settings'))

export const useSeverities = () => useAsyncData('severities', () => apiData<SeverityData[]>('/api/severities'))
