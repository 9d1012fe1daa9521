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
      },
      "EnergyAndEmissions": {
        "type": "object",
        "required": [
          "kwhPerDay",
          "co2eKgPerDay"
        ],
        "properties": {
          "kwhPerDay": {
            "type": "number"
          },
          "co2eKgPerDay": {
            "type": "number"
          }
        }
      },
      "Breakdown": {
        "type": "object",
        "description": "Per-day energy and emissions by component (embodied kWh is always 0)",
        "required": [
          "compute",
          "memory",
          "storage",
          "network",
          "embodied"
        ],
        "properties": {
          "compute": {
            "$ref": "#/components/schemas/EnergyAndEmissions"
          },
          "memory": {
            "$ref": "#/components/schemas/EnergyAndEmissions"
          },
          "storage": {
            "$ref": "#/components/schemas/EnergyAndEmissions"
          },
          "network": {
            "$ref": "#/components/schemas/EnergyAndEmissions"
          },
          "embodied": {
            "$ref": "#/components/schemas/EnergyAndEmissions"
          }
        }
      },
      "Footprint": {
        "type": "object",
        "description": "ServiceFootprint or FootprintRollup (see squad-insights-common sustainability)",
        "required": [
          "kwhPerDay",
          "co2eKgPerDay",
          "co2eKgPerMonth",
          "carbonTaxSekPerMonth",
          "breakdown",
          "coverage",
          "notEstimated"
        ],
        "additionalProperties": true,
        "properties": {
          "kwhPerDay": {
            "type": "number"
          },
          "co2eKgPerDay": {
            "type": "number"
          },
          "co2eKgPerMonth": {
            "type": "number"
          },
          "carbonTaxSekPerMonth": {
            "type": "number"
          },
          "breakdown": {
            "$ref": "#/components/schemas/Breakdown"
          },
          "renewableShare": {
            "type": "number",
            "nullable": true
          },
          "coverage": {
            "type": "object",
            "required": [
              "made",
              "notMade",
              "notMadeShare"
            ],
            "properties": {
              "made": {
                "type": "integer"
              },
              "notMade": {
                "type": "integer"
              },
              "notMadeShare": {
                "type": "number"
              }
            }
          },
          "notEstimated": {
            "type": "array",
            "description": "Estimates that could not be made. They are gaps and never count as zero.",
            "items": {
              "type": "object",
              "additionalProperties": true
            }
          }
        }
      },
      "FootprintDay": {
        "type": "object",
        "required": [
          "entityRef",
          "day",
          "kwhPerDay",
          "co2eKgPerDay",
          "carbonTaxSekPerMonth",
          "breakdown"
        ],
        "properties": {
          "entityRef": {
            "type": "string"
          },
          "day": {
            "type": "string",
            "format": "date"
          },
          "kwhPerDay": {
            "type": "number"
          },
          "co2eKgPerDay": {
            "type": "number"
          },
          "carbonTaxSekPerMonth": {
            "type": "number"
          },
          "breakdown": {
            "$ref": "#/components/schemas/Breakdown"
          }
        }
      },
      "EntityFootprint": {
        "type": "object",
        "required": [
          "entityRef",
          "criticality",
          "criticalityDeclared",
          "advice",
          "stale",
          "states",
          "problems",
          "history"
        ],
        "properties": {
          "entityRef": {
            "type": "string"
          },
          "criticality": {
            "type": "string",
            "enum": [
              "critical",
              "high",
              "medium",
              "low"
            ]
          },
          "criticalityDeclared": {
            "type": "boolean",
            "description": "False when the entity declares none; critical is then assumed"
          },
          "footprint": {
            "$ref": "#/components/schemas/Footprint"
          },
          "advice": {
            "type": "array",
            "items": {
              "type": "object",
              "additionalProperties": true
            }
          },
          "heatmap": {
            "type": "object",
            "description": "Scheduled replicas and green band per local weekday-hour (Heatmap in squad-insights-common)",
            "additionalProperties": true
          },
          "stale": {
            "type": "boolean",
            "description": "True when an input is stale; the footprint then uses the last good facts"
          },
          "states": {
            "type": "array",
            "items": {
              "type": "object",
              "required": [
                "reference",
                "freshness"
              ],
              "properties": {
                "reference": {
                  "type": "string"
                },
                "freshness": {
                  "$ref": "#/components/schemas/Freshness"
                }
              }
            }
          },
          "consul": {
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
              "healthyInstances": {
                "type": "integer"
              }
            }
          },
          "problems": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "history": {
            "type": "array",
            "description": "Daily snapshots of the last 90 days, oldest first",
            "items": {
              "$ref": "#/components/schemas/FootprintDay"
            }
          }
        }
      },
      "GroupServiceRow": {
        "type": "object",
        "required": [
          "entityRef",
          "owner",
          "known",
          "stale",
          "problems"
        ],
        "properties": {
          "entityRef": {
            "type": "string"
          },
          "owner": {
            "type": "string"
          },
          "kwhPerDay": {
            "type": "number"
          },
          "co2eKgPerDay": {
            "type": "number"
          },
          "carbonTaxSekPerMonth": {
            "type": "number"
          },
          "notMadeShare": {
            "type": "number"
          },
          "known": {
            "type": "boolean",
            "description": "False when no state was read and the service is not in the rollup"
          },
          "stale": {
            "type": "boolean"
          },
          "problems": {
            "type": "array",
            "items": {
              "type": "string"
            }
          }
        }
      },
      "GroupFootprint": {
        "type": "object",
        "required": [
          "groupRef",
          "type",
          "rollup",
          "byOwner",
          "services",
          "unknownServices",
          "stale"
        ],
        "properties": {
          "groupRef": {
            "type": "string"
          },
          "type": {
            "type": "string"
          },
          "rollup": {
            "$ref": "#/components/schemas/Footprint"
          },
          "byOwner": {
            "type": "array",
            "description": "One rollup per owning group (for a tribe its squads), worst first",
            "items": {
              "$ref": "#/components/schemas/Footprint"
            }
          },
          "services": {
            "type": "array",
            "description": "The services, worst first, unknown last",
            "items": {
              "$ref": "#/components/schemas/GroupServiceRow"
            }
          },
          "unknownServices": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "stale": {
            "type": "boolean"
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
    "/entities/{namespace}/{kind}/{name}/footprint": {
      "get": {
        "operationId": "GetEntityFootprint",
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
            "description": "Energy, CO2e, carbon tax, advice and heatmap of the service, with freshness and history",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/EntityFootprint"
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
    "/groups/{namespace}/{name}/footprint": {
      "get": {
        "operationId": "GetGroupFootprint",
        "parameters": [
          {
            "$ref": "#/components/parameters/namespace"
          },
          {
            "$ref": "#/components/parameters/name"
          }
        ],
        "responses": {
          "200": {
            "description": "Rollup of the services a squad or tribe owns, with one row per service",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/GroupFootprint"
                }
              }
            }
          },
          "404": {
            "description": "Unknown group"
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
