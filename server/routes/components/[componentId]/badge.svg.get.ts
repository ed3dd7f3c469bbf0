export default defineBadgeRoute(event => routeId(event, 'componentId'))
