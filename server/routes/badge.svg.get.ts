export default defineBadgeRoute(() => undefined)
