/**
 * Schema-directed XML for the Redmine family: parse a request body into a neutral tree, bind it to an OpenAPI
 * schema, and write values the way Redmine renders them. The conventions are those of openapi/README.md
 * ("JSON and XML").
 */
export { bindXml, XmlBindError } from './xml-bind.js';
export { decodeXmlBytes } from './xml-encoding.js';
export { bindXmlGeneric } from './xml-generic.js';
export { type SerializeXmlOptions, serializeXml, XML_DECLARATION } from './xml-serialize.js';
export { parseXmlDocument, type XmlElement, XmlFormatError, type XmlLimits } from './xml-tree.js';
