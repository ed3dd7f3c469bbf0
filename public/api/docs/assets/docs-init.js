// validatorUrl: null keeps Swagger UI from calling the public validator service.
window.SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#reference', validatorUrl: null, deepLinking: true })
