// GENERATED from src/schema/openapi.yaml by scripts/generateOpenApi.ts. Do not edit.
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';

export const spec = {
  "openapi": "3.0.3",
  "info": {
    "title": "squad-insights",
    "version": "1.0.0",
    "description": "Squad Insights backend: squad-model ownership and the facts (Terraform state inventories and Consul views) known about each service, with their freshness. Every route needs Backstage credentials except /health.\n",
    "license": {
      "name": "UNLICENSED"
    }
  },
  "servers": [
    {
      "url": "/"
    }
  ],
  "components": {
    "parameters": {
      "namespace": {
        "name": "namespace",
        "in": "path",
        "required": true,
        "schema": {
          "type": "string"
        }
      },
      "kind": {
        "name": "kind",
        "in": "path",
        "required": true,
        "schema": {
          "type": "string"
        }
      },
      "name": {
        "name": "name",
        "in": "path",
        "required": true,
        "schema": {
          "type": "string"
        }
      }
    },
    "schemas": {
      "Freshness": {
        "type": "object",
        "description": "How current a fact is. Stale facts are the last good value, kept while the source fails.",
        "required": [
          "stale"
        ],
        "properties": {
          "readAt": {
            "type": "string",
            "format": "date-time",
            "description": "When the value was read"
          },
          "checkedAt": {
            "type": "string",
            "format": "date-time",
            "description": "When the source was last asked"
          },
          "ageSeconds": {
            "type": "number"
          },
          "marker": {
            "type": "string",
            "description": "Change marker: ETag, serial, ModifyIndex or X-Consul-Index"
          },
          "stale": {
            "type": "boolean"
          },
          "lastError": {
            "type": "string",
            "description": "Error of the last failed attempt"
          },
          "lastErrorAt": {
            "type": "string",
            "format": "date-time"
          }
        }
      },
      "StateFacts": {
        "type": "object",
        "required": [
          "reference",
          "freshness",
          "inventory"
        ],
        "properties": {
          "reference": {
            "type": "string",
            "description": "<source-id>:<key>"
          },
          "freshness": {
            "$ref": "#/components/schemas/Freshness"
          },
          "inventory": {
            "type": "object",
            "description": "StateInventory (see squad-insights-common), secrets removed",
            "additionalProperties": true
          }
        }
      },
      "ConsulFacts": {
        "type": "object",
        "required": [
          "serviceName",
          "freshness"
        ],
        "properties": {
          "serviceName": {
            "type": "string"
          },
          "freshness": {
            "$ref": "#/components/schemas/Freshness"
          },
          "view": {
            "type": "object",
            "description": "ConsulServiceView (see squad-insights-node)",
            "additionalProperties": true
          }
        }
      },
      "EntityFacts": {
        "type": "object",
        "required": [
          "entityRef",
          "states",
          "problems"
        ],
        "properties": {
          "entityRef": {
            "type": "string"
          },
          "states": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/StateFacts"
            }
          },
          "consul": {
            "$ref": "#/components/schemas/ConsulFacts"
          },
          "problems": {
            "type": "array",
            "description": "Annotation problems, e.g. a state reference that names no configured source",
            "items": {
              "type": "string"
            }
          }
        }
      },
      "ServiceSummary": {
        "type": "object",
        "required": [
          "entityRef",
          "references",
          "stale"
        ],
        "properties": {
          "entityRef": {
            "type": "string"
          },
          "references": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "stale": {
            "type": "boolean"
          },
          "oldestReadAt": {
            "type": "string",
            "format": "date-time"
          }
        }
      }
    }
  },
  "paths": {
    "/health": {
      "get": {
        "operationId": "GetHealth",
        "security": [],
        "responses": {
          "200": {
            "description": "The plugin is up",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "status"
                  ],
                  "properties": {
                    "status": {
                      "type": "string"
                    }
                  }
                }
              }
            }
          }
        }
      }
    },
    "/entities/{namespace}/{kind}/{name}/profile": {
      "get": {
        "operationId": "GetEntityProfile",
        "parameters": [
          {
            "$ref": "#/components/parameters/namespace"
          },
          {
            "$ref": "#/components/parameters/kind"
          },
          {
            "$ref": "#/components/parameters/name"
          }
        ],
        "responses": {
          "200": {
            "description": "Squad-model ownership and declared profile (ServiceProfileResponse in squad-insights-common)",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "additionalProperties": true
                }
              }
            }
          },
          "404": {
            "description": "Unknown entity"
          }
        }
      }
    },
    "/entities/{namespace}/{kind}/{name}/facts": {
      "get": {
        "operationId": "GetEntityFacts",
        "parameters": [
          {
            "$ref": "#/components/parameters/namespace"
          },
          {
            "$ref": "#/components/parameters/kind"
          },
          {
            "$ref": "#/components/parameters/name"
          }
        ],
        "responses": {
          "200": {
            "description": "What is known about the entity, stale parts marked",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/EntityFacts"
                }
              }
            }
          },
          "404": {
            "description": "Unknown entity"
          }
        }
      }
    },
    "/entities/{namespace}/{kind}/{name}/refresh": {
      "post": {
        "operationId": "RefreshEntity",
        "description": "Re-reads the entity's sources now. Needs the squad-insights.facts.refresh permission.",
        "parameters": [
          {
            "$ref": "#/components/parameters/namespace"
          },
          {
            "$ref": "#/components/parameters/kind"
          },
          {
            "$ref": "#/components/parameters/name"
          }
        ],
        "responses": {
          "200": {
            "description": "The facts after the refresh",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/EntityFacts"
                }
              }
            }
          },
          "403": {
            "description": "Not allowed"
          }
        }
      }
    },
    "/services": {
      "get": {
        "operationId": "ListServices",
        "parameters": [
          {
            "name": "offset",
            "in": "query",
            "schema": {
              "type": "integer",
              "minimum": 0,
              "default": 0
            }
          },
          {
            "name": "limit",
            "in": "query",
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 500,
              "default": 50
            }
          }
        ],
        "responses": {
          "200": {
            "description": "Services with facts and their freshness, ordered by entity ref",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "items",
                    "totalCount",
                    "offset",
                    "limit"
                  ],
                  "properties": {
                    "items": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/ServiceSummary"
                      }
                    },
                    "totalCount": {
                      "type": "integer"
                    },
                    "offset": {
                      "type": "integer"
                    },
                    "limit": {
                      "type": "integer"
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
  }
} as const;

export const createOpenApiRouter = async (
  options?: Parameters<typeof createValidatedOpenApiRouter>['1'],
) => createValidatedOpenApiRouter<typeof spec>(spec, options);
