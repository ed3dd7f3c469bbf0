import { buildOpenApiDocument } from '../../openapi/document'

const document = buildOpenApiDocument()

export default defineEventHandler(() => document)
