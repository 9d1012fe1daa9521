// GENERATED from src/schema/openapi.yaml by scripts/generateOpenApi.ts. Do not edit.
import { createValidatedOpenApiRouterFromGeneratedEndpointMap } from '@backstage/backend-openapi-utils';
import type { paths } from '@squad-insights/backstage-plugin-squad-insights-common';

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
            "description": "When the value was read. Its age is the reader's to compute (now - readAt): the answer names instants only, so it stays the same, ETag included, while the facts do"
          },
          "checkedAt": {
            "type": "string",
            "format": "date-time",
            "description": "When the source was last asked"
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
            "$ref": "#/components/schemas/StateInventory"
          }
        }
      },
      "StateInventory": {
        "type": "object",
        "description": "The normalised inventory of one Terraform state, as the reader in squad-insights-node produces it. Secrets are already gone: no attribute that Terraform marked sensitive, no sensitive output value and no secret-bearing attribute or value ever appears here.",
        "required": [
          "status",
          "format",
          "resources",
          "outputs"
        ],
        "properties": {
          "status": {
            "type": "string",
            "enum": [
              "ok",
              "no-state",
              "no-resources"
            ],
            "description": "ok: a state with zero or more resources; no-state: the location holds no state at all (e.g. an empty file); no-resources: a backend-config state (.terraform/terraform.tfstate), which describes a backend, not infrastructure."
          },
          "format": {
            "type": "string",
            "enum": [
              "v1",
              "v2",
              "v3",
              "v4",
              "show-json",
              "backend-config",
              "empty"
            ],
            "description": "Where the data came from: raw state format 1–4 or terraform show -json"
          },
          "terraformVersion": {
            "type": "string"
          },
          "serial": {
            "type": "number"
          },
          "lineage": {
            "type": "string"
          },
          "resources": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/InventoryResource"
            }
          },
          "outputs": {
            "type": "object",
            "description": "Output names; value only for outputs that are not sensitive",
            "additionalProperties": {
              "type": "object",
              "required": [
                "sensitive"
              ],
              "properties": {
                "sensitive": {
                  "type": "boolean"
                },
                "value": {}
              }
            }
          }
        }
      },
      "InventoryResource": {
        "type": "object",
        "required": [
          "address",
          "mode",
          "type",
          "name",
          "provider",
          "instances"
        ],
        "properties": {
          "address": {
            "type": "string",
            "description": "Full address without instance key, e.g. module.db.aws_db_instance.main"
          },
          "module": {
            "type": "string",
            "description": "Module path, e.g. module.db or module.a.module.b; absent for the root module"
          },
          "mode": {
            "type": "string",
            "enum": [
              "managed",
              "data"
            ]
          },
          "type": {
            "type": "string"
          },
          "name": {
            "type": "string"
          },
          "provider": {
            "type": "string",
            "description": "Provider source address, e.g. registry.terraform.io/hashicorp/aws"
          },
          "instances": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/InventoryInstance"
            }
          }
        }
      },
      "InventoryInstance": {
        "type": "object",
        "required": [
          "address",
          "tags",
          "attributes"
        ],
        "properties": {
          "indexKey": {
            "description": "count index or for_each key; absent for a single instance",
            "oneOf": [
              {
                "type": "string"
              },
              {
                "type": "number"
              }
            ]
          },
          "address": {
            "type": "string",
            "description": "Address including the instance key, e.g. aws_s3_bucket.logs[\"eu\"]"
          },
          "region": {
            "type": "string",
            "description": "AWS/GCP/Azure region, from the provider configuration, ARNs or availability zones"
          },
          "tags": {
            "type": "object",
            "additionalProperties": {
              "type": "string"
            }
          },
          "attributes": {
            "type": "object",
            "description": "The instance's attributes with every secret removed",
            "additionalProperties": {}
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
            "$ref": "#/components/schemas/ConsulServiceView"
          }
        }
      },
      "ConsulHealthStatus": {
        "type": "string",
        "description": "Health of one instance or a whole service, as Consul names check states. An instance takes the worst state of its checks (node checks such as serfHealth included, as Consul's own ?passing filter does); an instance without checks is passing, as in Consul.",
        "enum": [
          "passing",
          "warning",
          "critical"
        ]
      },
      "ConsulCheckSummary": {
        "type": "object",
        "description": "One health check of an instance, with name and output trimmed (outputs can be whole HTTP bodies and would bloat every page that shows the view).",
        "required": [
          "checkId",
          "name",
          "status",
          "output"
        ],
        "properties": {
          "checkId": {
            "type": "string"
          },
          "name": {
            "type": "string"
          },
          "status": {
            "$ref": "#/components/schemas/ConsulHealthStatus"
          },
          "output": {
            "type": "string"
          }
        }
      },
      "ConsulServiceInstance": {
        "type": "object",
        "description": "One registered instance of a service (one entry of GET /v1/health/service/:name)",
        "required": [
          "node",
          "address",
          "port",
          "serviceId",
          "tags",
          "meta",
          "health",
          "checks"
        ],
        "properties": {
          "node": {
            "type": "string"
          },
          "address": {
            "type": "string",
            "description": "Service.Address, or the node's address when the service registered none"
          },
          "port": {
            "type": "integer"
          },
          "serviceId": {
            "type": "string"
          },
          "tags": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "meta": {
            "type": "object",
            "additionalProperties": {
              "type": "string"
            }
          },
          "health": {
            "$ref": "#/components/schemas/ConsulHealthStatus"
          },
          "checks": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/ConsulCheckSummary"
            }
          }
        }
      },
      "ConsulServiceMeta": {
        "type": "object",
        "description": "The ownership and compliance facts a service carries in Service.Meta, merged over its instances. Keys are read as team, tribe, compliance (comma separated), data-classification (or data_classification) and version.",
        "required": [
          "versions",
          "raw"
        ],
        "properties": {
          "team": {
            "type": "string"
          },
          "tribe": {
            "type": "string"
          },
          "compliance": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "dataClassification": {
            "type": "string"
          },
          "version": {
            "type": "string",
            "description": "The version when all instances agree; see versions during a rollout"
          },
          "versions": {
            "type": "array",
            "description": "Distinct versions running, sorted",
            "items": {
              "type": "string"
            }
          },
          "raw": {
            "type": "object",
            "description": "Every Service.Meta key seen; on conflicting values the first instance wins",
            "additionalProperties": {
              "type": "string"
            }
          }
        }
      },
      "ConsulIntentionSource": {
        "type": "object",
        "description": "One source allowed or denied to reach the service, in Consul's evaluation order (the first entry for a source name is the one that applies). * is the wildcard source.",
        "required": [
          "name",
          "action"
        ],
        "properties": {
          "name": {
            "type": "string"
          },
          "action": {
            "type": "string",
            "enum": [
              "allow",
              "deny"
            ],
            "description": "L7 intentions (with Permissions, no Action) count as deny, as Consul's check does"
          }
        }
      },
      "ConsulIntentions": {
        "type": "object",
        "description": "Service-to-service authorisation of the service as destination",
        "required": [
          "sources"
        ],
        "properties": {
          "defaultAllow": {
            "type": "boolean",
            "description": "Whether a source without a matching intention may connect: configured (intentionsDefaultAllow) or read from GET /v1/connect/intentions/check?source=*. Absent when neither is available."
          },
          "sources": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/ConsulIntentionSource"
            }
          },
          "unavailable": {
            "type": "string",
            "description": "Why intentions could not be read (e.g. the token lacks intentions:read)"
          }
        }
      },
      "ConsulServiceView": {
        "type": "object",
        "description": "What Consul knows at runtime about one service: instances and their health, ownership metadata, mesh (Connect) participation and intentions.",
        "required": [
          "name",
          "datacenter",
          "instances",
          "health",
          "healthCounts",
          "tags",
          "meta",
          "connect",
          "intentions",
          "index",
          "readAt"
        ],
        "properties": {
          "name": {
            "type": "string"
          },
          "datacenter": {
            "type": "string"
          },
          "instances": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/ConsulServiceInstance"
            }
          },
          "health": {
            "description": "Worst health over the instances",
            "allOf": [
              {
                "$ref": "#/components/schemas/ConsulHealthStatus"
              }
            ]
          },
          "healthCounts": {
            "type": "object",
            "description": "Instances per health state",
            "required": [
              "passing",
              "warning",
              "critical"
            ],
            "properties": {
              "passing": {
                "type": "integer"
              },
              "warning": {
                "type": "integer"
              },
              "critical": {
                "type": "integer"
              }
            }
          },
          "tags": {
            "type": "array",
            "description": "Union of the instances' tags, sorted",
            "items": {
              "type": "string"
            }
          },
          "meta": {
            "$ref": "#/components/schemas/ConsulServiceMeta"
          },
          "connect": {
            "type": "object",
            "required": [
              "sidecar",
              "native"
            ],
            "properties": {
              "sidecar": {
                "type": "boolean",
                "description": "A connect-proxy (e.g. <name>-sidecar-proxy) fronts the service"
              },
              "native": {
                "type": "boolean",
                "description": "The service speaks Connect itself (Connect.Native)"
              }
            }
          },
          "intentions": {
            "$ref": "#/components/schemas/ConsulIntentions"
          },
          "index": {
            "type": "integer",
            "description": "X-Consul-Index of the health read the view was built from"
          },
          "readAt": {
            "type": "string",
            "format": "date-time",
            "description": "When the view was read"
          }
        }
      },
      "EntityFacts": {
        "type": "object",
        "required": [
          "entityRef",
          "states",
          "problems",
          "bindings"
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
            "description": "Annotation problems, e.g. a state reference that names no configured source, or a binding refused",
            "items": {
              "type": "string"
            }
          },
          "bindings": {
            "type": "array",
            "description": "How the operator's binding rules judged each state reference and the Consul service; a refused one is not read, and shows in states / consul as stale without content",
            "items": {
              "$ref": "#/components/schemas/FactBinding"
            }
          }
        }
      },
      "FactBinding": {
        "type": "object",
        "description": "An entity's binding of a Terraform state (squad-insights.io/terraform-state) or Consul service (squad-insights.io/consul-service)",
        "required": [
          "annotation",
          "value",
          "allowed"
        ],
        "properties": {
          "annotation": {
            "type": "string"
          },
          "value": {
            "type": "string",
            "description": "The reference or service name as written"
          },
          "allowed": {
            "type": "boolean"
          },
          "rule": {
            "type": "string",
            "description": "Allowed: the rule that allowed it"
          },
          "reason": {
            "type": "string",
            "description": "Refused: why"
          },
          "howToAllow": {
            "type": "string",
            "description": "Refused: what the operator changes to allow it"
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
      "NotEstimated": {
        "type": "object",
        "description": "An estimate that could not be made. It is a gap and never counts as zero.",
        "required": [
          "address",
          "component",
          "reason"
        ],
        "properties": {
          "address": {
            "type": "string",
            "description": "Resource instance address, or <service>:network for its traffic"
          },
          "component": {
            "type": "string",
            "enum": [
              "compute",
              "storage",
              "network",
              "embodied"
            ]
          },
          "reason": {
            "type": "string"
          }
        }
      },
      "Footprint": {
        "type": "object",
        "description": "What a service footprint and a rollup of them have in common",
        "required": [
          "kwhPerDay",
          "co2eKgPerDay",
          "co2eKgPerMonth",
          "carbonTaxSekPerMonth",
          "breakdown",
          "byRegion",
          "renewableShare",
          "coverage",
          "notEstimated"
        ],
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
          "byRegion": {
            "type": "object",
            "additionalProperties": {
              "$ref": "#/components/schemas/EnergyAndEmissions"
            }
          },
          "renewableShare": {
            "type": "number",
            "nullable": true,
            "description": "kWh-weighted renewable share of the regions used; null when no region has data"
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
            "items": {
              "$ref": "#/components/schemas/NotEstimated"
            }
          }
        }
      },
      "ServiceFootprint": {
        "description": "The footprint of one service (ServiceFootprint in squad-insights-common)",
        "allOf": [
          {
            "$ref": "#/components/schemas/Footprint"
          },
          {
            "type": "object",
            "required": [
              "service",
              "primaryRegion",
              "sekPerKgCo2e",
              "meetsRenewableThreshold",
              "renewableThreshold",
              "assumptions",
              "items"
            ],
            "properties": {
              "service": {
                "type": "string"
              },
              "primaryRegion": {
                "type": "string"
              },
              "sekPerKgCo2e": {
                "type": "number"
              },
              "meetsRenewableThreshold": {
                "type": "boolean",
                "nullable": true
              },
              "renewableThreshold": {
                "type": "number"
              },
              "assumptions": {
                "type": "array",
                "items": {
                  "type": "string"
                }
              },
              "items": {
                "type": "array",
                "description": "One line per estimated resource",
                "items": {
                  "$ref": "#/components/schemas/FootprintItem"
                }
              },
              "schedule": {
                "$ref": "#/components/schemas/WeeklyCapacity"
              },
              "factors": {
                "type": "array",
                "description": "PUE and grid emission factor applied in each region",
                "items": {
                  "$ref": "#/components/schemas/RegionFactors"
                }
              },
              "kwhPerTransaction": {
                "type": "number",
                "nullable": true,
                "description": "Operational kWh per measured request"
              },
              "requestsPerDay": {
                "type": "number"
              },
              "measured": {
                "$ref": "#/components/schemas/MeasuredSource"
              }
            }
          }
        ]
      },
      "FootprintItem": {
        "type": "object",
        "description": "One estimated resource of a footprint, so advice and what-ifs can re-use its numbers (FootprintItem in squad-insights-common)",
        "required": [
          "address",
          "region",
          "component",
          "kwhPerDay",
          "parts"
        ],
        "properties": {
          "address": {
            "type": "string"
          },
          "region": {
            "type": "string"
          },
          "component": {
            "type": "string",
            "enum": [
              "compute",
              "storage",
              "network"
            ]
          },
          "kwhPerDay": {
            "type": "number"
          },
          "parts": {
            "type": "object",
            "description": "This item by component (compute items carry memory and embodied too)",
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
          "kwhPerUnitHour": {
            "type": "number",
            "description": "Compute: energy of one unit-hour, so schedule changes can be priced"
          },
          "embodiedKgPerUnitHour": {
            "type": "number"
          },
          "ccfEmbodiedKwhPerDay": {
            "type": "number",
            "description": "CCF's embodied energy (co2e / emission factor), kept for comparison"
          }
        }
      },
      "WeeklyCapacity": {
        "type": "object",
        "description": "Scheduled capacity over one real week in one time zone, 7 local days (Monday first) by 24 local hours (WeeklyCapacity in squad-insights-common)",
        "required": [
          "timeZone",
          "weekStart",
          "hoursInWeek",
          "hours",
          "replicaHours",
          "totalReplicaHours",
          "source",
          "unsupported"
        ],
        "properties": {
          "timeZone": {
            "type": "string"
          },
          "weekStart": {
            "type": "string",
            "description": "ISO instant of the local Monday 00:00 that starts the week"
          },
          "hoursInWeek": {
            "type": "number",
            "description": "Real hours in the week: 168, or 167/169 across a daylight-saving change"
          },
          "hours": {
            "type": "array",
            "description": "Real hours that fall in each local cell",
            "items": {
              "type": "array",
              "items": {
                "type": "number"
              }
            }
          },
          "replicaHours": {
            "type": "array",
            "description": "Replica-hours (replicas × hours) in each local cell",
            "items": {
              "type": "array",
              "items": {
                "type": "number"
              }
            }
          },
          "totalReplicaHours": {
            "type": "number"
          },
          "source": {
            "type": "string",
            "enum": [
              "schedule",
              "observed",
              "static"
            ],
            "description": "Where the replica counts came from"
          },
          "unsupported": {
            "type": "array",
            "description": "Scheduled actions that could not be read, e.g. rate(...) expressions",
            "items": {
              "type": "string"
            }
          }
        }
      },
      "RegionFactors": {
        "type": "object",
        "description": "The PUE and grid emission factor applied in one region (RegionFactors in squad-insights-common)",
        "required": [
          "region",
          "cloud",
          "pue",
          "gridKgCo2ePerKwh",
          "gridSource"
        ],
        "properties": {
          "region": {
            "type": "string"
          },
          "cloud": {
            "type": "string",
            "enum": [
              "aws",
              "gcp",
              "azure"
            ]
          },
          "pue": {
            "type": "number"
          },
          "gridKgCo2ePerKwh": {
            "type": "number",
            "description": "kg CO2e per kWh (CCF's location-based annual factor unless overridden)"
          },
          "gridSource": {
            "type": "string"
          }
        }
      },
      "MeasuredSource": {
        "type": "object",
        "description": "Where the measured part of a usage came from and how fresh it is; present when measured usage went into the estimate (MeasuredSource in squad-insights-common)",
        "required": [
          "source",
          "measuredAt",
          "stale"
        ],
        "properties": {
          "source": {
            "type": "string"
          },
          "measuredAt": {
            "type": "string"
          },
          "stale": {
            "type": "boolean"
          },
          "staleReason": {
            "type": "string"
          }
        }
      },
      "Advice": {
        "type": "object",
        "description": "One piece of advice; positive savings are good, negative means the change is worse (Advice in squad-insights-common)",
        "required": [
          "kind",
          "summary",
          "co2eKgPerMonthSaved",
          "kwhPerMonthAffected"
        ],
        "properties": {
          "kind": {
            "type": "string",
            "enum": [
              "shift-to-green-hours",
              "move-region",
              "trim-off-hours-replicas"
            ]
          },
          "summary": {
            "type": "string"
          },
          "co2eKgPerMonthSaved": {
            "type": "number"
          },
          "kwhPerMonthAffected": {
            "type": "number"
          },
          "region": {
            "type": "string",
            "description": "For move-region"
          },
          "renewableShare": {
            "type": "number",
            "nullable": true
          },
          "sekPerMonthSaved": {
            "type": "number",
            "description": "For shift-to-green-hours with an hourly series: the carbon price of the saving"
          },
          "intensitySource": {
            "type": "string",
            "description": "Where the grid intensity came from, when the advice used one"
          }
        }
      },
      "GreenBand": {
        "type": "string",
        "description": "How green the grid usually is in an hour of the day",
        "enum": [
          "high",
          "medium",
          "low"
        ]
      },
      "Heatmap": {
        "type": "object",
        "description": "Scheduled replicas and green band per local weekday-hour (Heatmap in squad-insights-common)",
        "required": [
          "timeZone",
          "weekStart",
          "capacity",
          "band"
        ],
        "properties": {
          "timeZone": {
            "type": "string"
          },
          "weekStart": {
            "type": "string"
          },
          "capacity": {
            "type": "array",
            "items": {
              "type": "array",
              "items": {
                "type": "number",
                "nullable": true
              }
            }
          },
          "band": {
            "type": "array",
            "items": {
              "type": "array",
              "items": {
                "$ref": "#/components/schemas/GreenBand"
              }
            }
          },
          "intensity": {
            "type": "array",
            "description": "Mean g CO2e/kWh per local cell when an hourly series of the zone is known",
            "items": {
              "type": "array",
              "items": {
                "type": "number",
                "nullable": true
              }
            }
          },
          "intensitySource": {
            "type": "string",
            "description": "Zone and source of intensity"
          }
        }
      },
      "FootprintRollup": {
        "description": "The footprint of a group of services (FootprintRollup in squad-insights-common)",
        "allOf": [
          {
            "$ref": "#/components/schemas/Footprint"
          },
          {
            "type": "object",
            "required": [
              "name",
              "services",
              "notEstimated"
            ],
            "properties": {
              "name": {
                "type": "string"
              },
              "services": {
                "type": "array",
                "items": {
                  "type": "string"
                }
              },
              "notEstimated": {
                "type": "array",
                "items": {
                  "allOf": [
                    {
                      "$ref": "#/components/schemas/NotEstimated"
                    },
                    {
                      "type": "object",
                      "required": [
                        "service"
                      ],
                      "properties": {
                        "service": {
                          "type": "string"
                        }
                      }
                    }
                  ]
                }
              }
            }
          }
        ]
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
            "$ref": "#/components/schemas/ServiceFootprint"
          },
          "advice": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Advice"
            }
          },
          "heatmap": {
            "$ref": "#/components/schemas/Heatmap"
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
          },
          "usage": {
            "type": "object",
            "description": "Measured usage (CloudWatch) behind the estimate, with its freshness; absent when no usage source is configured",
            "required": [
              "attemptedAt",
              "stale",
              "missing"
            ],
            "properties": {
              "source": {
                "type": "string"
              },
              "measuredAt": {
                "type": "string",
                "format": "date-time"
              },
              "attemptedAt": {
                "type": "string",
                "format": "date-time"
              },
              "stale": {
                "type": "boolean"
              },
              "staleReason": {
                "type": "string"
              },
              "missing": {
                "type": "array",
                "items": {
                  "type": "object",
                  "required": [
                    "address",
                    "reason"
                  ],
                  "properties": {
                    "address": {
                      "type": "string"
                    },
                    "reason": {
                      "type": "string"
                    }
                  }
                }
              }
            }
          },
          "gridIntensity": {
            "type": "object",
            "description": "Grid intensity of the primary region's zone, hourly or the labelled yearly average",
            "required": [
              "zone",
              "kind",
              "meanGCo2ePerKwh",
              "hours",
              "source"
            ],
            "properties": {
              "zone": {
                "type": "string"
              },
              "kind": {
                "type": "string",
                "enum": [
                  "hourly",
                  "yearly-average"
                ]
              },
              "meanGCo2ePerKwh": {
                "type": "number"
              },
              "hours": {
                "type": "integer"
              },
              "source": {
                "type": "string"
              },
              "readAt": {
                "type": "string",
                "format": "date-time"
              },
              "stale": {
                "type": "boolean"
              },
              "staleReason": {
                "type": "string"
              }
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
            "$ref": "#/components/schemas/FootprintRollup"
          },
          "byOwner": {
            "type": "array",
            "description": "One rollup per owning group (for a tribe its squads, for a chapter or guild the squads owning its services), worst first",
            "items": {
              "$ref": "#/components/schemas/FootprintRollup"
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
      },
      "MonthFigures": {
        "type": "object",
        "required": [
          "kwh",
          "co2eKg",
          "co2eOperationalKg",
          "co2eEmbodiedKg",
          "carbonTaxSek"
        ],
        "properties": {
          "kwh": {
            "type": "number",
            "description": "Operational energy after PUE"
          },
          "co2eKg": {
            "type": "number",
            "description": "Operational plus embodied"
          },
          "co2eOperationalKg": {
            "type": "number"
          },
          "co2eEmbodiedKg": {
            "type": "number"
          },
          "carbonTaxSek": {
            "type": "number"
          }
        }
      },
      "SustainabilityReport": {
        "type": "object",
        "description": "The monthly sustainability report of a tribe or of the organisation",
        "required": [
          "month",
          "daysInMonth",
          "partial",
          "scope",
          "generatedAt",
          "sekPerKgCo2e",
          "totals",
          "groups",
          "services",
          "trend",
          "renewable",
          "optimisations",
          "optimisationPotential",
          "notEstimated"
        ],
        "properties": {
          "month": {
            "type": "string"
          },
          "daysInMonth": {
            "type": "integer"
          },
          "partial": {
            "type": "boolean",
            "description": "The month is still running: figures are projected from the days so far"
          },
          "scope": {
            "type": "object",
            "required": [
              "kind",
              "title"
            ],
            "properties": {
              "kind": {
                "type": "string",
                "enum": [
                  "tribe",
                  "organisation"
                ]
              },
              "ref": {
                "type": "string"
              },
              "title": {
                "type": "string"
              }
            }
          },
          "generatedAt": {
            "type": "string",
            "format": "date-time"
          },
          "sekPerKgCo2e": {
            "type": "number"
          },
          "totals": {
            "$ref": "#/components/schemas/MonthFigures"
          },
          "groups": {
            "type": "array",
            "description": "One row per squad (tribe report) or tribe (organisation report)",
            "items": {
              "type": "object",
              "required": [
                "ref",
                "figures",
                "services"
              ],
              "properties": {
                "ref": {
                  "type": "string"
                },
                "figures": {
                  "$ref": "#/components/schemas/MonthFigures"
                },
                "services": {
                  "type": "integer"
                }
              }
            }
          },
          "services": {
            "type": "array",
            "items": {
              "type": "object",
              "required": [
                "entityRef",
                "group",
                "daysRecorded"
              ],
              "properties": {
                "entityRef": {
                  "type": "string"
                },
                "group": {
                  "type": "string"
                },
                "figures": {
                  "$ref": "#/components/schemas/MonthFigures"
                },
                "daysRecorded": {
                  "type": "integer",
                  "description": "Days with a snapshot; the month is their mean times the days of the month"
                },
                "basis": {
                  "type": "string",
                  "enum": [
                    "history",
                    "current-estimate"
                  ]
                }
              }
            }
          },
          "trend": {
            "type": "object",
            "description": "The change from the month before, over services with figures in both",
            "required": [
              "previousMonth",
              "comparedServices",
              "kwhChangePct",
              "co2eChangePct"
            ],
            "properties": {
              "previousMonth": {
                "type": "string"
              },
              "previous": {
                "$ref": "#/components/schemas/MonthFigures"
              },
              "comparedServices": {
                "type": "integer"
              },
              "kwhChangePct": {
                "type": "number",
                "nullable": true
              },
              "co2eChangePct": {
                "type": "number",
                "nullable": true
              }
            }
          },
          "renewable": {
            "type": "object",
            "required": [
              "share",
              "threshold",
              "meetsThreshold",
              "regions",
              "unknownRegions"
            ],
            "properties": {
              "share": {
                "type": "number",
                "nullable": true
              },
              "threshold": {
                "type": "number"
              },
              "meetsThreshold": {
                "type": "boolean",
                "nullable": true
              },
              "regions": {
                "type": "array",
                "items": {
                  "type": "object",
                  "required": [
                    "region",
                    "kwhPerDay",
                    "share",
                    "source",
                    "measured"
                  ],
                  "properties": {
                    "region": {
                      "type": "string"
                    },
                    "kwhPerDay": {
                      "type": "number"
                    },
                    "share": {
                      "type": "number"
                    },
                    "source": {
                      "type": "string"
                    },
                    "measured": {
                      "type": "boolean",
                      "description": "Measured (grid-intensity source), or a published yearly average"
                    }
                  }
                }
              },
              "unknownRegions": {
                "type": "array",
                "items": {
                  "type": "string"
                },
                "description": "Regions with energy but no known share"
              }
            }
          },
          "optimisations": {
            "type": "array",
            "items": {
              "type": "object",
              "required": [
                "entityRef",
                "kind",
                "summary",
                "co2eKgPerMonthSaved",
                "sekPerMonthSaved"
              ],
              "properties": {
                "entityRef": {
                  "type": "string"
                },
                "kind": {
                  "type": "string"
                },
                "summary": {
                  "type": "string"
                },
                "co2eKgPerMonthSaved": {
                  "type": "number"
                },
                "sekPerMonthSaved": {
                  "type": "number"
                }
              }
            }
          },
          "optimisationPotential": {
            "type": "object",
            "description": "Sum of every listed service's advice, not only the top ones",
            "required": [
              "co2eKgPerMonth",
              "sekPerMonth"
            ],
            "properties": {
              "co2eKgPerMonth": {
                "type": "number"
              },
              "sekPerMonth": {
                "type": "number"
              }
            }
          },
          "notEstimated": {
            "type": "object",
            "required": [
              "services",
              "items",
              "notMadeShare"
            ],
            "properties": {
              "services": {
                "type": "array",
                "description": "Services with no figures for the month, with why",
                "items": {
                  "type": "object",
                  "required": [
                    "entityRef",
                    "reason"
                  ],
                  "properties": {
                    "entityRef": {
                      "type": "string"
                    },
                    "reason": {
                      "type": "string"
                    }
                  }
                }
              },
              "items": {
                "type": "array",
                "items": {
                  "allOf": [
                    {
                      "$ref": "#/components/schemas/NotEstimated"
                    },
                    {
                      "type": "object",
                      "required": [
                        "service"
                      ],
                      "properties": {
                        "service": {
                          "type": "string"
                        }
                      }
                    }
                  ]
                }
              },
              "notMadeShare": {
                "type": "number"
              }
            }
          }
        }
      },
      "Severity": {
        "type": "string",
        "description": "How much a failed check matters (SEVERITIES in squad-insights-common)",
        "enum": [
          "low",
          "medium",
          "high",
          "critical"
        ]
      },
      "Evidence": {
        "type": "object",
        "description": "What a check read from the facts, and what it expected (Evidence in squad-insights-common)",
        "required": [
          "source",
          "address",
          "attribute",
          "expected"
        ],
        "properties": {
          "source": {
            "type": "string",
            "description": "The state reference, or consul"
          },
          "address": {
            "type": "string"
          },
          "attribute": {
            "type": "string",
            "description": "Attribute path, e.g. tags.team or ingress[0].from_port"
          },
          "actual": {
            "description": "The value found, any JSON; absent when the attribute is not there"
          },
          "expected": {
            "type": "string"
          },
          "serial": {
            "type": "number"
          },
          "consulIndex": {
            "type": "number"
          },
          "note": {
            "type": "string"
          },
          "alternativeGroup": {
            "type": "integer",
            "description": "Shared by the evidence of the alternatives of one rule (anyOf), any one of which would have decided it the other way; unique within one evaluation"
          }
        }
      },
      "CheckResult": {
        "type": "object",
        "description": "The result of one check for one service (CheckResult in squad-insights-common)",
        "required": [
          "checkId",
          "title",
          "severity",
          "controls",
          "frameworks",
          "status",
          "remediation",
          "evidence"
        ],
        "properties": {
          "checkId": {
            "type": "string"
          },
          "title": {
            "type": "string"
          },
          "severity": {
            "$ref": "#/components/schemas/Severity"
          },
          "controls": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "frameworks": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "status": {
            "type": "string",
            "description": "A waived check keeps its real status (fail) and carries waiver",
            "enum": [
              "pass",
              "fail",
              "not-applicable",
              "unknown"
            ]
          },
          "reason": {
            "type": "string",
            "description": "Why it is not applicable or unknown; for a failure on partial data, what was missing"
          },
          "remediation": {
            "type": "string"
          },
          "evidence": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Evidence"
            }
          },
          "waiver": {
            "type": "object",
            "required": [
              "expiresAt"
            ],
            "properties": {
              "expiresAt": {
                "type": "string"
              },
              "reason": {
                "type": "string"
              }
            }
          },
          "attested": {
            "type": "boolean",
            "enum": [
              true
            ],
            "description": "Set on the checks a reviewer attests (the policy's attested checks)"
          },
          "attestation": {
            "type": "object",
            "description": "The current attestation that makes an attested check pass, or the expired one that failed it",
            "required": [
              "attestedBy",
              "attestedAt",
              "expiresAt",
              "statement"
            ],
            "properties": {
              "attestedBy": {
                "type": "string"
              },
              "attestedAt": {
                "type": "string"
              },
              "expiresAt": {
                "type": "string"
              },
              "statement": {
                "type": "string"
              },
              "evidenceUrl": {
                "type": "string"
              }
            }
          }
        }
      },
      "ComplianceScore": {
        "type": "object",
        "description": "Severity-weighted share of the judged checks that pass; null when nothing passed or failed",
        "required": [
          "score",
          "passed",
          "failed",
          "waived",
          "unknown",
          "notApplicable"
        ],
        "properties": {
          "score": {
            "type": "number",
            "nullable": true
          },
          "passed": {
            "type": "integer"
          },
          "failed": {
            "type": "integer"
          },
          "waived": {
            "type": "integer"
          },
          "unknown": {
            "type": "integer"
          },
          "notApplicable": {
            "type": "integer"
          }
        }
      },
      "FrameworkResult": {
        "type": "object",
        "description": "Whether a framework of the policy applies to the service, why, and its score",
        "required": [
          "id",
          "title",
          "applies",
          "reason",
          "score"
        ],
        "properties": {
          "id": {
            "type": "string"
          },
          "title": {
            "type": "string"
          },
          "applies": {
            "type": "boolean"
          },
          "reason": {
            "type": "string",
            "description": "Why it applies or not, for the portal"
          },
          "score": {
            "$ref": "#/components/schemas/ComplianceScore"
          }
        }
      },
      "ProfileCondition": {
        "type": "object",
        "description": "Matches a service profile (ProfileConditionSchema in squad-insights-common)",
        "properties": {
          "always": {
            "type": "boolean",
            "enum": [
              true
            ]
          },
          "requirements": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "classifications": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/DataClassification"
            }
          }
        }
      },
      "GradedNumber": {
        "type": "object",
        "description": "A value a new service starts with, or stricter.value where its profile matches stricter.when",
        "required": [
          "value"
        ],
        "properties": {
          "value": {
            "type": "number"
          },
          "stricter": {
            "type": "object",
            "required": [
              "value",
              "when"
            ],
            "properties": {
              "value": {
                "type": "number"
              },
              "when": {
                "$ref": "#/components/schemas/ProfileCondition"
              }
            }
          }
        }
      },
      "LogicalTag": {
        "type": "string",
        "description": "The facts a tag carries, whatever the estate calls its tag",
        "enum": [
          "team",
          "tribe",
          "chapter",
          "guild",
          "service",
          "businessCapability",
          "dataClassification",
          "compliance",
          "country",
          "organization",
          "environment",
          "managedBy"
        ]
      },
      "TagNames": {
        "type": "object",
        "description": "The tag name the estate uses for each logical tag",
        "required": [
          "team",
          "tribe",
          "chapter",
          "guild",
          "service",
          "businessCapability",
          "dataClassification",
          "compliance",
          "country",
          "organization",
          "environment",
          "managedBy"
        ],
        "properties": {
          "team": {
            "type": "string"
          },
          "tribe": {
            "type": "string"
          },
          "chapter": {
            "type": "string"
          },
          "guild": {
            "type": "string"
          },
          "service": {
            "type": "string"
          },
          "businessCapability": {
            "type": "string"
          },
          "dataClassification": {
            "type": "string"
          },
          "compliance": {
            "type": "string"
          },
          "country": {
            "type": "string"
          },
          "organization": {
            "type": "string"
          },
          "environment": {
            "type": "string"
          },
          "managedBy": {
            "type": "string"
          }
        }
      },
      "ResolvedParameters": {
        "type": "object",
        "description": "The compliance policy's parameters as they apply to one service: the policy's own (ParametersSchema in squad-insights-common) and those derived from the service's profile (DERIVED_PARAMETERS).",
        "required": [
          "tagNames",
          "requiredTags",
          "allowedRegions",
          "primaryRegion",
          "drRegions",
          "allowedConsulDatacenters",
          "modernTlsPolicies",
          "publicIngressPorts",
          "recordTopicPatterns",
          "customerDataTopicPatterns",
          "minInsyncReplicas",
          "minReplicationFactor",
          "minBackupRetentionDays",
          "newService",
          "recordRetentionYears",
          "recordRetentionDays",
          "recordRetentionMinMs",
          "residencyRegions",
          "backupRegions",
          "swedishResidency",
          "complianceRequirements"
        ],
        "properties": {
          "tagNames": {
            "$ref": "#/components/schemas/TagNames"
          },
          "metaNames": {
            "type": "object",
            "description": "Consul Service.Meta keys of the logical tags where they differ from tagNames",
            "properties": {
              "team": {
                "type": "string"
              },
              "tribe": {
                "type": "string"
              },
              "chapter": {
                "type": "string"
              },
              "guild": {
                "type": "string"
              },
              "service": {
                "type": "string"
              },
              "businessCapability": {
                "type": "string"
              },
              "dataClassification": {
                "type": "string"
              },
              "compliance": {
                "type": "string"
              },
              "country": {
                "type": "string"
              },
              "organization": {
                "type": "string"
              },
              "environment": {
                "type": "string"
              },
              "managedBy": {
                "type": "string"
              }
            }
          },
          "requiredTags": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/LogicalTag"
            }
          },
          "country": {
            "type": "string"
          },
          "organization": {
            "type": "string"
          },
          "allowedRegions": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "swedishResidencyFrameworks": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "primaryRegion": {
            "type": "string"
          },
          "drRegions": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "allowedConsulDatacenters": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "modernTlsPolicies": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "publicIngressPorts": {
            "type": "array",
            "items": {
              "type": "integer"
            }
          },
          "recordTopicPatterns": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "customerDataTopicPatterns": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "minInsyncReplicas": {
            "type": "integer"
          },
          "minReplicationFactor": {
            "type": "integer"
          },
          "minBackupRetentionDays": {
            "type": "integer"
          },
          "waiverMaxDays": {
            "type": "integer"
          },
          "criticalWaiverMaxDays": {
            "type": "integer"
          },
          "newService": {
            "type": "object",
            "required": [
              "requiredApprovals",
              "backupRetentionDays",
              "switchedOnBy"
            ],
            "properties": {
              "requiredApprovals": {
                "$ref": "#/components/schemas/GradedNumber"
              },
              "backupRetentionDays": {
                "$ref": "#/components/schemas/GradedNumber"
              },
              "switchedOnBy": {
                "type": "object",
                "description": "Ids of the checks that switch each setting on",
                "required": [
                  "encryptionInTransit",
                  "deletionProtection",
                  "serviceMesh"
                ],
                "properties": {
                  "encryptionInTransit": {
                    "type": "array",
                    "items": {
                      "type": "string"
                    }
                  },
                  "deletionProtection": {
                    "type": "array",
                    "items": {
                      "type": "string"
                    }
                  },
                  "serviceMesh": {
                    "type": "array",
                    "items": {
                      "type": "string"
                    }
                  }
                }
              }
            }
          },
          "recordRetentionYears": {
            "type": "number"
          },
          "recordRetentionDays": {
            "type": "number"
          },
          "recordRetentionMinMs": {
            "type": "number"
          },
          "gdprMaxRetentionYears": {
            "type": "number",
            "description": "Only when GDPR applies; otherwise GDPR checks are not applicable anyway"
          },
          "gdprMaxRetentionDays": {
            "type": "number"
          },
          "gdprMaxRetentionMs": {
            "type": "number"
          },
          "residencyRegions": {
            "type": "array",
            "description": "Where the service's resources may be (primary and DR regions under Swedish residency, else allowedRegions)",
            "items": {
              "type": "string"
            }
          },
          "backupRegions": {
            "type": "array",
            "description": "DR/backup regions, restricted to the allowed (EU) regions",
            "items": {
              "type": "string"
            }
          },
          "swedishResidency": {
            "type": "boolean"
          },
          "dataClassification": {
            "type": "string"
          },
          "complianceRequirements": {
            "type": "array",
            "items": {
              "type": "string"
            }
          }
        }
      },
      "EntityCompliance": {
        "type": "object",
        "description": "The compliance evaluation of the service, with freshness",
        "required": [
          "entityRef",
          "evaluatedAt",
          "stale",
          "problems",
          "policy",
          "frameworks",
          "parameters",
          "checks",
          "score"
        ],
        "properties": {
          "entityRef": {
            "type": "string"
          },
          "evaluatedAt": {
            "type": "string",
            "format": "date-time"
          },
          "stale": {
            "type": "boolean",
            "description": "True when an input is stale"
          },
          "problems": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "bindings": {
            "type": "array",
            "description": "The bindings judged (absent from results and review snapshots stored before bindings existed)",
            "items": {
              "$ref": "#/components/schemas/FactBinding"
            }
          },
          "policy": {
            "type": "object",
            "required": [
              "name"
            ],
            "properties": {
              "name": {
                "type": "string"
              },
              "version": {
                "type": "string"
              }
            }
          },
          "frameworks": {
            "type": "array",
            "description": "The frameworks that apply, why, and their scores",
            "items": {
              "$ref": "#/components/schemas/FrameworkResult"
            }
          },
          "parameters": {
            "$ref": "#/components/schemas/ResolvedParameters"
          },
          "checks": {
            "type": "array",
            "description": "One result per check; a waived failure keeps status fail and carries waiver",
            "items": {
              "$ref": "#/components/schemas/CheckResult"
            }
          },
          "score": {
            "$ref": "#/components/schemas/ComplianceScore"
          }
        }
      },
      "Waiver": {
        "type": "object",
        "required": [
          "id",
          "entityRef",
          "checkId",
          "justification",
          "grantedBy",
          "grantedAt",
          "expiresAt",
          "status"
        ],
        "properties": {
          "id": {
            "type": "string"
          },
          "entityRef": {
            "type": "string"
          },
          "checkId": {
            "type": "string"
          },
          "justification": {
            "type": "string"
          },
          "grantedBy": {
            "type": "string"
          },
          "grantedAt": {
            "type": "string",
            "format": "date-time"
          },
          "expiresAt": {
            "type": "string",
            "format": "date-time"
          },
          "revokedBy": {
            "type": "string"
          },
          "revokedAt": {
            "type": "string",
            "format": "date-time"
          },
          "revokeReason": {
            "type": "string"
          },
          "status": {
            "type": "string",
            "enum": [
              "active",
              "expired",
              "revoked"
            ]
          }
        }
      },
      "WaiverRequest": {
        "type": "object",
        "required": [
          "id",
          "entityRef",
          "checkId",
          "justification",
          "expiresAt",
          "requestedBy",
          "requestedAt",
          "status"
        ],
        "properties": {
          "id": {
            "type": "string"
          },
          "entityRef": {
            "type": "string"
          },
          "checkId": {
            "type": "string"
          },
          "justification": {
            "type": "string"
          },
          "expiresAt": {
            "type": "string",
            "format": "date-time",
            "description": "The expiry asked for"
          },
          "requestedBy": {
            "type": "string"
          },
          "requestedAt": {
            "type": "string",
            "format": "date-time"
          },
          "status": {
            "type": "string",
            "enum": [
              "requested",
              "granted",
              "rejected"
            ]
          },
          "decidedBy": {
            "type": "string"
          },
          "decidedAt": {
            "type": "string",
            "format": "date-time"
          },
          "decisionReason": {
            "type": "string"
          },
          "waiverId": {
            "type": "string",
            "description": "The waiver granted on approval"
          }
        }
      },
      "Attestation": {
        "type": "object",
        "required": [
          "id",
          "entityRef",
          "checkId",
          "statement",
          "evidenceUrl",
          "attestedBy",
          "attestedAt",
          "expiresAt",
          "status"
        ],
        "properties": {
          "id": {
            "type": "string"
          },
          "entityRef": {
            "type": "string"
          },
          "checkId": {
            "type": "string"
          },
          "statement": {
            "type": "string"
          },
          "evidenceUrl": {
            "type": "string"
          },
          "attestedBy": {
            "type": "string"
          },
          "attestedAt": {
            "type": "string",
            "format": "date-time"
          },
          "expiresAt": {
            "type": "string",
            "format": "date-time"
          },
          "revokedBy": {
            "type": "string"
          },
          "revokedAt": {
            "type": "string",
            "format": "date-time"
          },
          "revokeReason": {
            "type": "string"
          },
          "status": {
            "type": "string",
            "enum": [
              "current",
              "expired",
              "revoked"
            ]
          }
        }
      },
      "AttestedCheck": {
        "type": "object",
        "required": [
          "checkId",
          "title",
          "controls",
          "maxValidityDays"
        ],
        "properties": {
          "checkId": {
            "type": "string"
          },
          "title": {
            "type": "string"
          },
          "controls": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "maxValidityDays": {
            "type": "integer",
            "description": "The longest an attestation of the check may run"
          }
        }
      },
      "Review": {
        "type": "object",
        "required": [
          "id",
          "entityRef",
          "reviewer",
          "decision",
          "createdAt",
          "snapshot"
        ],
        "properties": {
          "id": {
            "type": "string"
          },
          "entityRef": {
            "type": "string"
          },
          "reviewer": {
            "type": "string"
          },
          "decision": {
            "type": "string",
            "enum": [
              "approved",
              "changes_requested"
            ]
          },
          "comment": {
            "type": "string"
          },
          "createdAt": {
            "type": "string",
            "format": "date-time"
          },
          "snapshot": {
            "$ref": "#/components/schemas/EntityCompliance"
          }
        }
      },
      "GateReason": {
        "type": "object",
        "required": [
          "code",
          "blocking",
          "message"
        ],
        "properties": {
          "code": {
            "type": "string",
            "enum": [
              "check-failing",
              "waiver-expired",
              "attestation-expired",
              "check-unknown",
              "check-waived",
              "review-missing",
              "review-outdated",
              "facts-stale",
              "plan-new-failure",
              "break-glass"
            ]
          },
          "blocking": {
            "type": "boolean",
            "description": "Whether this reason denies the deploy (unless overridden)"
          },
          "message": {
            "type": "string"
          },
          "checkId": {
            "type": "string"
          },
          "severity": {
            "$ref": "#/components/schemas/Severity"
          },
          "frameworks": {
            "type": "array",
            "items": {
              "type": "string"
            },
            "description": "The gated frameworks the check belongs to"
          }
        }
      },
      "GateOverride": {
        "type": "object",
        "required": [
          "id",
          "decisionId",
          "entityRef",
          "environment",
          "commit",
          "reason",
          "grantedBy",
          "grantedAt",
          "expiresAt",
          "status"
        ],
        "properties": {
          "id": {
            "type": "string"
          },
          "decisionId": {
            "type": "string"
          },
          "entityRef": {
            "type": "string"
          },
          "environment": {
            "type": "string"
          },
          "commit": {
            "type": "string"
          },
          "reason": {
            "type": "string"
          },
          "grantedBy": {
            "type": "string"
          },
          "grantedAt": {
            "type": "string",
            "format": "date-time"
          },
          "expiresAt": {
            "type": "string",
            "format": "date-time"
          },
          "status": {
            "type": "string",
            "enum": [
              "usable",
              "used",
              "expired"
            ]
          },
          "consumedBy": {
            "type": "string",
            "description": "The gate decision that used it"
          },
          "consumedAt": {
            "type": "string"
          }
        }
      },
      "GateDecision": {
        "type": "object",
        "required": [
          "id",
          "entityRef",
          "environment",
          "commit",
          "allowed",
          "reasons",
          "caller",
          "createdAt",
          "overrides"
        ],
        "properties": {
          "id": {
            "type": "string"
          },
          "entityRef": {
            "type": "string"
          },
          "environment": {
            "type": "string"
          },
          "commit": {
            "type": "string"
          },
          "allowed": {
            "type": "boolean"
          },
          "reasons": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/GateReason"
            }
          },
          "caller": {
            "type": "string",
            "description": "The principal that asked: a service subject or a user entity ref"
          },
          "createdAt": {
            "type": "string"
          },
          "failClosed": {
            "type": "boolean",
            "description": "Whether a pipeline that cannot ask should fail for this service (on fresh decisions)"
          },
          "overrideId": {
            "type": "string",
            "description": "The break-glass override this decision used"
          },
          "overrides": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/GateOverride"
            },
            "description": "Overrides granted for this decision"
          }
        }
      },
      "PortfolioFrameworkStatus": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "id",
          "title",
          "status",
          "score",
          "failed"
        ],
        "properties": {
          "id": {
            "type": "string"
          },
          "title": {
            "type": "string"
          },
          "status": {
            "type": "string",
            "enum": [
              "compliant",
              "failing",
              "unknown"
            ]
          },
          "score": {
            "type": "number",
            "nullable": true
          },
          "failed": {
            "type": "integer"
          }
        }
      },
      "PortfolioRow": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "entityRef",
          "name",
          "status",
          "score",
          "failingChecks",
          "frameworks",
          "waivers",
          "attestations",
          "stale"
        ],
        "properties": {
          "entityRef": {
            "type": "string"
          },
          "name": {
            "type": "string"
          },
          "title": {
            "type": "string"
          },
          "squad": {
            "type": "string",
            "description": "Group entity ref of the owning squad"
          },
          "tribe": {
            "type": "string",
            "description": "Group entity ref of the tribe of the owning squad"
          },
          "chapter": {
            "type": "string",
            "description": "Group entity ref of the chapter the squad-insights.io/chapter annotation names"
          },
          "guild": {
            "type": "string",
            "description": "Group entity ref of the guild the squad-insights.io/guild annotation names"
          },
          "status": {
            "type": "string",
            "enum": [
              "compliant",
              "failing",
              "unknown"
            ]
          },
          "score": {
            "type": "number",
            "nullable": true
          },
          "failingChecks": {
            "type": "integer"
          },
          "frameworks": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/PortfolioFrameworkStatus"
            }
          },
          "waivers": {
            "type": "object",
            "additionalProperties": false,
            "required": [
              "active",
              "expiringSoon"
            ],
            "properties": {
              "active": {
                "type": "integer"
              },
              "expiringSoon": {
                "type": "integer",
                "description": "Active waivers expiring within 30 days"
              },
              "nextExpiry": {
                "type": "string",
                "format": "date-time"
              }
            }
          },
          "attestations": {
            "type": "object",
            "additionalProperties": false,
            "description": "The attested checks of the policy that apply to the service, by state",
            "required": [
              "applicable",
              "current",
              "awaiting",
              "expired"
            ],
            "properties": {
              "applicable": {
                "type": "integer",
                "description": "Attested checks that apply to the service"
              },
              "current": {
                "type": "integer",
                "description": "Of those, attested and not expired"
              },
              "awaiting": {
                "type": "integer",
                "description": "Of those, never attested: awaiting a reviewer"
              },
              "expired": {
                "type": "integer",
                "description": "Of those, attested once but every attestation expired"
              },
              "nextExpiry": {
                "type": "string",
                "format": "date-time",
                "description": "Earliest expiry of a current attestation"
              }
            }
          },
          "lastReview": {
            "type": "object",
            "additionalProperties": false,
            "required": [
              "at",
              "reviewer",
              "decision"
            ],
            "properties": {
              "at": {
                "type": "string",
                "format": "date-time"
              },
              "reviewer": {
                "type": "string"
              },
              "decision": {
                "type": "string",
                "enum": [
                  "approved",
                  "changes_requested"
                ]
              }
            }
          },
          "lastGate": {
            "type": "object",
            "additionalProperties": false,
            "description": "The latest deployment gate decision, in whichever environment was asked last; absent when never gated",
            "required": [
              "decisionId",
              "environment",
              "allowed",
              "decidedAt"
            ],
            "properties": {
              "decisionId": {
                "type": "string"
              },
              "environment": {
                "type": "string"
              },
              "allowed": {
                "type": "boolean"
              },
              "decidedAt": {
                "type": "string",
                "format": "date-time"
              }
            }
          },
          "stale": {
            "type": "boolean",
            "description": "True when an input of the verdict is stale"
          }
        }
      },
      "PortfolioResponse": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "items",
          "totalCount",
          "offset",
          "limit",
          "facets",
          "generatedAt"
        ],
        "properties": {
          "items": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/PortfolioRow"
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
          },
          "facets": {
            "type": "object",
            "additionalProperties": false,
            "description": "The values the filters can take over the whole portfolio",
            "required": [
              "tribes",
              "squads",
              "chapters",
              "guilds",
              "frameworks"
            ],
            "properties": {
              "tribes": {
                "type": "array",
                "items": {
                  "type": "string"
                }
              },
              "squads": {
                "type": "array",
                "items": {
                  "type": "string"
                }
              },
              "chapters": {
                "type": "array",
                "items": {
                  "type": "string"
                }
              },
              "guilds": {
                "type": "array",
                "items": {
                  "type": "string"
                }
              },
              "frameworks": {
                "type": "array",
                "items": {
                  "type": "object",
                  "additionalProperties": false,
                  "required": [
                    "id",
                    "title"
                  ],
                  "properties": {
                    "id": {
                      "type": "string"
                    },
                    "title": {
                      "type": "string"
                    }
                  }
                }
              }
            }
          },
          "generatedAt": {
            "type": "string",
            "format": "date-time",
            "description": "When the oldest summary behind this answer was computed"
          }
        }
      },
      "CatalogSummary": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "entityRef"
        ],
        "description": "What the catalog table shows of one entity; a part is absent when unknown",
        "properties": {
          "entityRef": {
            "type": "string",
            "description": "The ref as the request spelled it"
          },
          "compliance": {
            "type": "object",
            "additionalProperties": false,
            "required": [
              "status",
              "failingChecks",
              "frameworks",
              "stale"
            ],
            "properties": {
              "status": {
                "type": "string",
                "enum": [
                  "compliant",
                  "failing",
                  "unknown"
                ],
                "description": "Worst status over the frameworks"
              },
              "failingChecks": {
                "type": "integer"
              },
              "frameworks": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/PortfolioFrameworkStatus"
                }
              },
              "stale": {
                "type": "boolean"
              }
            }
          },
          "co2eKgPerMonth": {
            "type": "number",
            "description": "Absent when no Terraform state of the entity has been read"
          }
        }
      },
      "Error": {
        "type": "object",
        "description": "Every error's body, as Backstage's error handler writes it: what failed and what was asked",
        "required": [
          "error",
          "request",
          "response"
        ],
        "properties": {
          "error": {
            "type": "object",
            "required": [
              "name",
              "message"
            ],
            "properties": {
              "name": {
                "type": "string",
                "description": "NotFoundError, InputError, NotAllowedError, …"
              },
              "message": {
                "type": "string"
              }
            }
          },
          "request": {
            "type": "object",
            "properties": {
              "method": {
                "type": "string"
              },
              "url": {
                "type": "string"
              }
            }
          },
          "response": {
            "type": "object",
            "required": [
              "statusCode"
            ],
            "properties": {
              "statusCode": {
                "type": "integer"
              }
            }
          }
        }
      },
      "GroupSummary": {
        "type": "object",
        "description": "A group of the squad model",
        "required": [
          "entityRef",
          "title",
          "type"
        ],
        "properties": {
          "entityRef": {
            "type": "string"
          },
          "title": {
            "type": "string"
          },
          "type": {
            "type": "string",
            "description": "The Group's spec.type: tribe, squad, chapter, guild, team"
          }
        }
      },
      "ServiceOwnership": {
        "type": "object",
        "description": "Where the service sits in the squad model: a squad-owned service has a squad and, through it, a tribe; one owned by another group has only team",
        "properties": {
          "squad": {
            "$ref": "#/components/schemas/GroupSummary"
          },
          "tribe": {
            "$ref": "#/components/schemas/GroupSummary"
          },
          "team": {
            "$ref": "#/components/schemas/GroupSummary"
          },
          "chapter": {
            "$ref": "#/components/schemas/GroupSummary"
          },
          "guild": {
            "$ref": "#/components/schemas/GroupSummary"
          }
        }
      },
      "ServiceContact": {
        "type": "object",
        "required": [
          "title",
          "source"
        ],
        "properties": {
          "entityRef": {
            "type": "string",
            "description": "The User or Group, when one was named"
          },
          "title": {
            "type": "string",
            "description": "The entity's display name, or the address itself"
          },
          "email": {
            "type": "string"
          },
          "source": {
            "type": "string",
            "enum": [
              "annotation",
              "squad-email"
            ],
            "description": "annotation: named by the owning squad's contact annotation; squad-email: nobody was named, so the squad's spec.profile.email stands in"
          }
        }
      },
      "ServiceContacts": {
        "type": "object",
        "description": "From the owning squad's squad-insights.io/technical-contact, business-contact and on-call annotations; a role nobody is named for falls back to the squad's spec.profile.email.",
        "required": [
          "technical",
          "business",
          "onCall"
        ],
        "properties": {
          "technical": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/ServiceContact"
            }
          },
          "business": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/ServiceContact"
            }
          },
          "onCall": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/ServiceContact"
            }
          }
        }
      },
      "DataClassification": {
        "type": "string",
        "description": "Data classifications, from least to most sensitive (DATA_CLASSIFICATIONS in squad-insights-common)",
        "enum": [
          "public",
          "internal",
          "personal",
          "user_behavioral",
          "user_content",
          "financial"
        ]
      },
      "ServiceProfile": {
        "type": "object",
        "description": "What the service declares through the Squad Insights annotations",
        "required": [
          "complianceRequirements",
          "terraformStates",
          "recordRetentionYears"
        ],
        "properties": {
          "businessCapability": {
            "type": "string"
          },
          "dataClassification": {
            "$ref": "#/components/schemas/DataClassification"
          },
          "complianceRequirements": {
            "type": "array",
            "description": "Ids of frameworks of the compliance policy, in their canonical spelling",
            "items": {
              "type": "string"
            }
          },
          "chapter": {
            "type": "string"
          },
          "guild": {
            "type": "string"
          },
          "terraformStates": {
            "type": "array",
            "description": "<source-id>:<key> references from squad-insights.io/terraform-state",
            "items": {
              "type": "string"
            }
          },
          "consulService": {
            "type": "string"
          },
          "recordRetentionYears": {
            "type": "number",
            "description": "7 for financial or PCI data, 3 otherwise (recordRetentionYears in squad-insights-common)"
          }
        }
      },
      "ServiceProfileResponse": {
        "type": "object",
        "required": [
          "entityRef",
          "profile",
          "problems",
          "ownership"
        ],
        "properties": {
          "entityRef": {
            "type": "string"
          },
          "profile": {
            "$ref": "#/components/schemas/ServiceProfile"
          },
          "problems": {
            "type": "array",
            "items": {
              "type": "object",
              "required": [
                "annotation",
                "message"
              ],
              "properties": {
                "annotation": {
                  "type": "string"
                },
                "message": {
                  "type": "string"
                }
              }
            }
          },
          "ownership": {
            "$ref": "#/components/schemas/ServiceOwnership"
          },
          "contacts": {
            "allOf": [
              {
                "$ref": "#/components/schemas/ServiceContacts"
              }
            ],
            "description": "Absent when the owner is not in the catalog"
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
          },
          "default": {
            "description": "An error: 401 without credentials, 500 when something failed",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
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
            "description": "Squad-model ownership and declared profile",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ServiceProfileResponse"
                }
              }
            }
          },
          "404": {
            "description": "Unknown entity",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "default": {
            "description": "An error: 401 without credentials, 500 when something failed",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
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
          },
          {
            "in": "header",
            "name": "If-None-Match",
            "required": false,
            "description": "The ETag of an answer the client holds; 304 when it is still the current one.",
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "What is known about the entity, stale parts marked. Gzip-encoded when the request accepts gzip.",
            "headers": {
              "ETag": {
                "description": "Strong validator of this version of the answer: it changes with every new read, check, error or binding decision, and with the ages, which count whole seconds.",
                "schema": {
                  "type": "string"
                }
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/EntityFacts"
                }
              }
            }
          },
          "304": {
            "description": "Not modified, no body; the If-None-Match ETag is still the current answer's. Sent only after the caller's permission and catalog checks passed.",
            "headers": {
              "ETag": {
                "description": "The current answer's ETag.",
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "404": {
            "description": "Unknown entity",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "default": {
            "description": "An error: 401 without credentials, 500 when something failed",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
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
            "description": "Unknown entity",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "default": {
            "description": "An error: 401 without credentials, 500 when something failed",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
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
            "description": "Rollup of the services a squad or tribe owns, or that name a chapter or guild in their annotations, with one row per service",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/GroupFootprint"
                }
              }
            }
          },
          "404": {
            "description": "Unknown group",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "default": {
            "description": "An error: 401 without credentials, 500 when something failed",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        }
      }
    },
    "/reports/sustainability": {
      "get": {
        "operationId": "GetSustainabilityReport",
        "description": "The monthly sustainability report of a tribe, or of the organisation without `tribe`: energy, CO2e (operational and embodied), carbon tax, renewable share against the threshold, the change from the month before, the largest savings the advice finds and what could not be estimated. Only services the catalog shows the caller are in it. As CSV with format=csv, or with Accept text/csv when format is absent.\n",
        "parameters": [
          {
            "name": "month",
            "in": "query",
            "required": true,
            "schema": {
              "type": "string"
            },
            "description": "The month, YYYY-MM; not in the future"
          },
          {
            "name": "tribe",
            "in": "query",
            "schema": {
              "type": "string"
            },
            "description": "Group entity ref of a tribe, e.g. group:default/commerce-tribe"
          },
          {
            "name": "format",
            "in": "query",
            "schema": {
              "type": "string"
            },
            "description": "json (default) or csv"
          }
        ],
        "responses": {
          "200": {
            "description": "The report, one figure a CSV row (month,scope,section,item,metric,value,unit,note)",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/SustainabilityReport"
                }
              },
              "text/csv": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "400": {
            "description": "month, tribe or format is missing or not valid; the message names which",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "default": {
            "description": "An error: 401 without credentials, 500 when something failed",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
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
            "description": "Not allowed",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "default": {
            "description": "An error: 401 without credentials, 500 when something failed",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        }
      }
    },
    "/entities/{namespace}/{kind}/{name}/compliance": {
      "get": {
        "operationId": "GetEntityCompliance",
        "description": "The results stored when an input last changed (facts, waivers, reviews), evaluated again when a waiver they applied has expired, a fact turned stale, or none are stored yet. evaluatedAt is when the evaluation ran.",
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
            "description": "Check results and scores per framework and for the service",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/EntityCompliance"
                }
              }
            }
          },
          "404": {
            "description": "Unknown entity",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "default": {
            "description": "An error: 401 without credentials, 500 when something failed",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        }
      }
    },
    "/entities/{namespace}/{kind}/{name}/waivers": {
      "get": {
        "operationId": "ListEntityWaivers",
        "description": "All waivers of the entity, revoked and expired ones included, newest first",
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
            "description": "The waivers",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "items"
                  ],
                  "properties": {
                    "items": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/Waiver"
                      }
                    }
                  }
                }
              }
            }
          },
          "default": {
            "description": "An error: 401 without credentials, 500 when something failed",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        }
      },
      "post": {
        "operationId": "GrantEntityWaiver",
        "description": "Grants a waiver. Needs squad-insights.compliance.waiver.manage; members of the owning squad or of a group nested in it (or of its tribe with separationOfDutiesScope tribe) may not waive their own service unless allowSelfWaivers is set.",
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
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "properties": {
                  "checkId": {
                    "type": "string"
                  },
                  "justification": {
                    "type": "string"
                  },
                  "expiresAt": {
                    "type": "string",
                    "description": "ISO date-time in the future"
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The granted waiver",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Waiver"
                }
              }
            }
          },
          "400": {
            "description": "Missing justification, an expiry not in the future or an unknown check",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "403": {
            "description": "Not allowed",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "default": {
            "description": "An error: 401 without credentials, 500 when something failed",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        }
      }
    },
    "/entities/{namespace}/{kind}/{name}/waivers/{id}/revoke": {
      "post": {
        "operationId": "RevokeEntityWaiver",
        "description": "Revokes a waiver; the row is kept. Needs squad-insights.compliance.waiver.manage.",
        "parameters": [
          {
            "$ref": "#/components/parameters/namespace"
          },
          {
            "$ref": "#/components/parameters/kind"
          },
          {
            "$ref": "#/components/parameters/name"
          },
          {
            "name": "id",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string"
            }
          }
        ],
        "requestBody": {
          "required": false,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "properties": {
                  "reason": {
                    "type": "string"
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The revoked waiver",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Waiver"
                }
              }
            }
          },
          "403": {
            "description": "Not allowed",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "404": {
            "description": "Unknown waiver",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "default": {
            "description": "An error: 401 without credentials, 500 when something failed",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        }
      }
    },
    "/entities/{namespace}/{kind}/{name}/waiver-requests": {
      "get": {
        "operationId": "ListEntityWaiverRequests",
        "description": "All waiver requests of the entity, decided ones included, newest first. Needs squad-insights.compliance.read.",
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
            "description": "The waiver requests",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "items"
                  ],
                  "properties": {
                    "items": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/WaiverRequest"
                      }
                    }
                  }
                }
              }
            }
          },
          "default": {
            "description": "An error: 401 without credentials, 500 when something failed",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        }
      },
      "post": {
        "operationId": "RequestEntityWaiver",
        "description": "Asks a reviewer for a waiver of a check. Needs squad-insights.compliance.waiver.request (the shipped policy: owners and the owning tribe). Changes no verdict until approved.",
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
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "properties": {
                  "checkId": {
                    "type": "string"
                  },
                  "justification": {
                    "type": "string"
                  },
                  "expiresAt": {
                    "type": "string",
                    "description": "ISO date-time in the future"
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The open request",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/WaiverRequest"
                }
              }
            }
          },
          "400": {
            "description": "Missing justification, an expiry not in the future or an unknown check",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "403": {
            "description": "Not allowed",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "409": {
            "description": "A request for the same check is already open",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "default": {
            "description": "An error: 401 without credentials, 500 when something failed",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        }
      }
    },
    "/entities/{namespace}/{kind}/{name}/waiver-requests/{id}/approve": {
      "post": {
        "operationId": "ApproveEntityWaiverRequest",
        "description": "Grants the requested waiver as the caller and marks the request granted. Needs squad-insights.compliance.waiver.manage; the rules of granting a waiver apply (separation of duties).",
        "parameters": [
          {
            "$ref": "#/components/parameters/namespace"
          },
          {
            "$ref": "#/components/parameters/kind"
          },
          {
            "$ref": "#/components/parameters/name"
          },
          {
            "name": "id",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The granted request, with waiverId",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/WaiverRequest"
                }
              }
            }
          },
          "403": {
            "description": "Not allowed",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "404": {
            "description": "Unknown request",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "409": {
            "description": "The request is already decided",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "default": {
            "description": "An error: 401 without credentials, 500 when something failed",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        }
      }
    },
    "/entities/{namespace}/{kind}/{name}/waiver-requests/{id}/reject": {
      "post": {
        "operationId": "RejectEntityWaiverRequest",
        "description": "Rejects a waiver request; the row is kept. Needs squad-insights.compliance.waiver.manage.",
        "parameters": [
          {
            "$ref": "#/components/parameters/namespace"
          },
          {
            "$ref": "#/components/parameters/kind"
          },
          {
            "$ref": "#/components/parameters/name"
          },
          {
            "name": "id",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string"
            }
          }
        ],
        "requestBody": {
          "required": false,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "properties": {
                  "reason": {
                    "type": "string"
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The rejected request",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/WaiverRequest"
                }
              }
            }
          },
          "403": {
            "description": "Not allowed",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "404": {
            "description": "Unknown request",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "409": {
            "description": "The request is already decided",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "default": {
            "description": "An error: 401 without credentials, 500 when something failed",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        }
      }
    },
    "/entities/{namespace}/{kind}/{name}/attestations": {
      "get": {
        "operationId": "ListEntityAttestations",
        "description": "All attestations of the entity, revoked and expired ones included, newest first, and the attested checks of the policy",
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
            "description": "The attestations and the attested checks",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "items",
                    "checks"
                  ],
                  "properties": {
                    "items": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/Attestation"
                      }
                    },
                    "checks": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/AttestedCheck"
                      }
                    }
                  }
                }
              }
            }
          },
          "404": {
            "description": "Unknown entity",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "default": {
            "description": "An error: 401 without credentials, 500 when something failed",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        }
      },
      "post": {
        "operationId": "CreateEntityAttestation",
        "description": "Attests an attested check of the policy. Needs squad-insights.compliance.attestation.create; separation of duties applies as for waivers (allowSelfWaivers, separationOfDutiesScope).",
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
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "properties": {
                  "checkId": {
                    "type": "string",
                    "description": "An attested check of the policy"
                  },
                  "statement": {
                    "type": "string",
                    "description": "What is in place and how"
                  },
                  "evidenceUrl": {
                    "type": "string",
                    "description": "http or https link to the evidence"
                  },
                  "expiresAt": {
                    "type": "string",
                    "description": "ISO date-time in the future, at most the check's attested.maxValidityDays ahead"
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The attestation",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Attestation"
                }
              }
            }
          },
          "400": {
            "description": "Missing statement, an evidence link that is not http(s), an expiry not in the future or beyond the check's maximum, or a check that is unknown, not attested, or does not apply to the entity (its frameworks or its when do not apply)",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "403": {
            "description": "Not allowed",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "404": {
            "description": "Unknown entity",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "default": {
            "description": "An error: 401 without credentials, 500 when something failed",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        }
      }
    },
    "/entities/{namespace}/{kind}/{name}/attestations/{id}/revoke": {
      "post": {
        "operationId": "RevokeEntityAttestation",
        "description": "Revokes an attestation; the row is kept. Needs squad-insights.compliance.attestation.revoke.",
        "parameters": [
          {
            "$ref": "#/components/parameters/namespace"
          },
          {
            "$ref": "#/components/parameters/kind"
          },
          {
            "$ref": "#/components/parameters/name"
          },
          {
            "name": "id",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string"
            }
          }
        ],
        "requestBody": {
          "required": false,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "properties": {
                  "reason": {
                    "type": "string"
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The revoked attestation",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Attestation"
                }
              }
            }
          },
          "400": {
            "description": "Already revoked",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "403": {
            "description": "Not allowed",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "404": {
            "description": "Unknown attestation",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "default": {
            "description": "An error: 401 without credentials, 500 when something failed",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        }
      }
    },
    "/entities/{namespace}/{kind}/{name}/reviews": {
      "get": {
        "operationId": "ListEntityReviews",
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
            "description": "Reviews of the entity, newest first, each with the results judged",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "items"
                  ],
                  "properties": {
                    "items": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/Review"
                      }
                    }
                  }
                }
              }
            }
          },
          "default": {
            "description": "An error: 401 without credentials, 500 when something failed",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        }
      },
      "post": {
        "operationId": "CreateEntityReview",
        "description": "Records a review of the current results. Needs squad-insights.compliance.review.create.",
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
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "properties": {
                  "decision": {
                    "type": "string",
                    "description": "approved or changes_requested"
                  },
                  "comment": {
                    "type": "string"
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The review with its snapshot",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Review"
                }
              }
            }
          },
          "400": {
            "description": "Invalid decision",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "403": {
            "description": "Not allowed",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "default": {
            "description": "An error: 401 without credentials, 500 when something failed",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        }
      }
    },
    "/entities/{namespace}/{kind}/{name}/gate": {
      "post": {
        "operationId": "DecideEntityGate",
        "description": "Asks whether the service may be deployed to an environment (the policy's gate). Every decision is stored and audited. Needs squad-insights.gate.decide; with the policy's gate.requireServicePrincipal only service principals (backend.auth.externalAccess tokens) may ask. A denied answer is still a 200 with allowed false.\n",
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
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "properties": {
                  "environment": {
                    "type": "string",
                    "description": "An environment the policy gates, e.g. production"
                  },
                  "commit": {
                    "type": "string",
                    "description": "The commit being deployed"
                  },
                  "plan": {
                    "description": "terraform show -json of the plan being applied (optional)"
                  },
                  "stateReference": {
                    "type": "string",
                    "description": "The declared state the plan changes, when the service declares several"
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The decision, with its id and reasons",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/GateDecision"
                }
              }
            }
          },
          "400": {
            "description": "Unknown environment, missing commit or malformed plan, naming the field",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "403": {
            "description": "Not allowed, or a user token where the policy requires a service principal",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "404": {
            "description": "Unknown entity",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "default": {
            "description": "An error: 401 without credentials, 500 when something failed",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        }
      }
    },
    "/entities/{namespace}/{kind}/{name}/gate/decisions": {
      "get": {
        "operationId": "ListEntityGateDecisions",
        "description": "The latest gate decisions of the entity, newest first, with their overrides. Needs squad-insights.compliance.read.",
        "parameters": [
          {
            "$ref": "#/components/parameters/namespace"
          },
          {
            "$ref": "#/components/parameters/kind"
          },
          {
            "$ref": "#/components/parameters/name"
          },
          {
            "name": "limit",
            "in": "query",
            "required": false,
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 100
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The decisions",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "items"
                  ],
                  "properties": {
                    "items": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/GateDecision"
                      }
                    }
                  }
                }
              }
            }
          },
          "default": {
            "description": "An error: 401 without credentials, 500 when something failed",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        }
      }
    },
    "/entities/{namespace}/{kind}/{name}/gate/decisions/{id}/override": {
      "post": {
        "operationId": "OverrideEntityGateDecision",
        "description": "Break-glass: lets the next gate call for the denied decision's environment and commit through, once, before it expires. Needs squad-insights.compliance.waiver.manage; the owning squad may not override its own service (separation of duties, as for waivers).\n",
        "parameters": [
          {
            "$ref": "#/components/parameters/namespace"
          },
          {
            "$ref": "#/components/parameters/kind"
          },
          {
            "$ref": "#/components/parameters/name"
          },
          {
            "name": "id",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string"
            }
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "properties": {
                  "reason": {
                    "type": "string"
                  },
                  "expiresInHours": {
                    "type": "number",
                    "description": "At most the policy gate.overrideMaxHours (default 24)"
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The override",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/GateOverride"
                }
              }
            }
          },
          "400": {
            "description": "Missing reason, an expiry beyond the policy, or a decision that was allowed",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "403": {
            "description": "Not allowed",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "404": {
            "description": "Unknown decision",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "default": {
            "description": "An error: 401 without credentials, 500 when something failed",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        }
      }
    },
    "/compliance/portfolio": {
      "get": {
        "operationId": "GetCompliancePortfolio",
        "description": "Every service of the catalog with its compliance verdict, filtered, searched, sorted and paged. Served from per-service summaries that are recomputed when facts, waivers or reviews change and by a scheduled pass.\n",
        "parameters": [
          {
            "name": "tribe",
            "in": "query",
            "schema": {
              "type": "string"
            },
            "description": "Group entity ref of a tribe"
          },
          {
            "name": "squad",
            "in": "query",
            "schema": {
              "type": "string"
            },
            "description": "Group entity ref of a squad"
          },
          {
            "name": "chapter",
            "in": "query",
            "schema": {
              "type": "string"
            },
            "description": "Group entity ref of a chapter"
          },
          {
            "name": "guild",
            "in": "query",
            "schema": {
              "type": "string"
            },
            "description": "Group entity ref of a guild"
          },
          {
            "name": "framework",
            "in": "query",
            "schema": {
              "type": "string"
            },
            "description": "A framework id of the policy; with status, the status of that framework. Unknown ids match nothing"
          },
          {
            "name": "check",
            "in": "query",
            "schema": {
              "type": "string"
            },
            "description": "A check id of the policy: only services where it fails without an active waiver. Unknown ids match nothing"
          },
          {
            "name": "status",
            "in": "query",
            "schema": {
              "type": "string",
              "enum": [
                "compliant",
                "failing",
                "unknown"
              ]
            }
          },
          {
            "name": "expiringWithinDays",
            "in": "query",
            "schema": {
              "type": "integer",
              "minimum": 0
            },
            "description": "Only services with an active waiver expiring within this many days"
          },
          {
            "name": "attestation",
            "in": "query",
            "schema": {
              "type": "string"
            },
            "description": "awaiting, expired or expiring: only services with an applying attested check awaiting its first attestation, with an expired attestation, or with a current attestation expiring within 30 days\n"
          },
          {
            "name": "lastGate",
            "in": "query",
            "schema": {
              "type": "string"
            },
            "description": "denied or allowed: only services whose latest deployment gate decision, in any environment, denied or allowed the deploy. Services never gated match neither\n"
          },
          {
            "name": "q",
            "in": "query",
            "schema": {
              "type": "string"
            },
            "description": "Case-insensitive search over name and title and squad and tribe"
          },
          {
            "name": "sort",
            "in": "query",
            "schema": {
              "type": "string",
              "enum": [
                "service",
                "squad",
                "tribe",
                "status",
                "score",
                "failingChecks",
                "nextWaiverExpiry",
                "lastReviewAt"
              ],
              "default": "status"
            }
          },
          {
            "name": "order",
            "in": "query",
            "schema": {
              "type": "string",
              "enum": [
                "asc",
                "desc"
              ],
              "default": "asc"
            }
          },
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
              "maximum": 1000,
              "default": 100
            }
          }
        ],
        "responses": {
          "200": {
            "description": "One page of the portfolio, sorted with the entity ref breaking ties, and the facets",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/PortfolioResponse"
                }
              }
            }
          },
          "400": {
            "description": "A parameter is out of range or not one of its allowed values",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "default": {
            "description": "An error: 401 without credentials, 500 when something failed",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        }
      }
    },
    "/compliance/summaries": {
      "post": {
        "operationId": "GetCatalogSummaries",
        "description": "The compliance verdict and monthly CO2e of many entities at once, for the columns of a catalog table: one request per page of the table. Answers only for the entities the catalog lets the caller read; the others are left out as if they did not exist.\n",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "additionalProperties": false,
                "required": [
                  "entityRefs"
                ],
                "properties": {
                  "entityRefs": {
                    "type": "array",
                    "minItems": 1,
                    "maxItems": 200,
                    "items": {
                      "type": "string"
                    }
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "One item per requested entity the caller may read, in the order asked",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "additionalProperties": false,
                  "required": [
                    "items"
                  ],
                  "properties": {
                    "items": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/CatalogSummary"
                      }
                    }
                  }
                }
              }
            }
          },
          "400": {
            "description": "The body is not a list of 1 to 200 entity refs",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "default": {
            "description": "An error: 401 without credentials, 500 when something failed",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
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
          },
          "default": {
            "description": "An error: 401 without credentials, 500 when something failed",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        }
      }
    }
  }
} as const;

type Method = 'get' | 'put' | 'post' | 'delete';
type Operation = {
  parameters: { path?: unknown; query?: unknown };
  requestBody?: unknown;
  responses: unknown;
};
type Json<T> = T extends { content: { 'application/json': infer Body } }
  ? Body
  : never;
type RequestJson<T> = undefined extends T
  ? Json<NonNullable<T>> | undefined
  : Json<T>;

/**
 * Each route as the typed router wants it ('#get|/path/{param}'), from the types of
 * squad-insights-common that openapi-typescript generates from the same spec, so that the
 * router, the services and the web client share one definition of every request and response.
 */
export type EndpointMap = {
  [Route in {
    [Path in keyof paths]: {
      [M in Method]: paths[Path][M] extends Operation
        ? `#${M extends 'delete' ? '_delete' : M}|${Path}`
        : never;
    }[Method];
  }[keyof paths]]: Route extends `#${infer M}|${infer Path extends keyof paths}`
    ? paths[Path][(M extends '_delete' ? 'delete' : M) & Method] extends infer Op extends Operation
      ? {
          path: NonNullable<Op['parameters']['path']>;
          query: NonNullable<Op['parameters']['query']>;
          body: RequestJson<Op['requestBody']>;
          response: Op['responses'] extends { 200: infer Ok } ? Json<Ok> : never;
        }
      : never
    : never;
};

export const createOpenApiRouter = async (
  options?: Parameters<
    typeof createValidatedOpenApiRouterFromGeneratedEndpointMap
  >['1'],
) =>
  createValidatedOpenApiRouterFromGeneratedEndpointMap<EndpointMap>(
    spec,
    options,
  );
