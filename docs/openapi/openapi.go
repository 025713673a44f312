// Package openapi embeds the OpenAPI document of Kizuna's REST routes,
// generated from proto/ by `make proto-gen`, and the Swagger UI page that
// lists it beside the Cosmos SDK's document.
package openapi

import _ "embed"

// KizunaFile is the file name under which the node serves Kizuna's document.
const KizunaFile = "kizuna.swagger.json"

// Kizuna is the OpenAPI v2 document of every kizuna.* REST route.
//
//go:embed kizuna.swagger.json
var Kizuna []byte

// IndexHTML is the Swagger UI page served at /swagger/.
//
//go:embed index.html
var IndexHTML []byte
