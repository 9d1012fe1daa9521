// GENERATED from plugins/squad-insights-backend/src/schema/openapi.yaml by
// scripts/generateOpenApiTypes.ts. Do not edit.
/* eslint-disable */
/** @public */
export interface paths {
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["GetHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/entities/{namespace}/{kind}/{name}/profile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["GetEntityProfile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/entities/{namespace}/{kind}/{name}/facts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["GetEntityFacts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/entities/{namespace}/{kind}/{name}/footprint": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["GetEntityFootprint"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/groups/{namespace}/{name}/footprint": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["GetGroupFootprint"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/reports/sustainability": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The monthly sustainability report of a tribe, or of the organisation without `tribe`: energy, CO2e (operational and embodied), carbon tax, renewable share against the threshold, the change from the month before, the largest savings the advice finds and what could not be estimated. Only services the catalog shows the caller are in it. As CSV with format=csv, or with Accept text/csv when format is absent. */
        get: operations["GetSustainabilityReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/entities/{namespace}/{kind}/{name}/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Re-reads the entity's sources now. Needs the squad-insights.facts.refresh permission. */
        post: operations["RefreshEntity"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/entities/{namespace}/{kind}/{name}/compliance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The results stored when an input last changed (facts, waivers, reviews), evaluated again when a waiver they applied has expired, a fact turned stale, or none are stored yet. evaluatedAt is when the evaluation ran. */
        get: operations["GetEntityCompliance"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/entities/{namespace}/{kind}/{name}/waivers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** All waivers of the entity, revoked and expired ones included, newest first */
        get: operations["ListEntityWaivers"];
        put?: never;
        /** Grants a waiver. Needs squad-insights.compliance.waiver.manage; members of the owning squad or of a group nested in it (or of its tribe with separationOfDutiesScope tribe) may not waive their own service unless allowSelfWaivers is set. */
        post: operations["GrantEntityWaiver"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/entities/{namespace}/{kind}/{name}/waivers/{id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revokes a waiver; the row is kept. Needs squad-insights.compliance.waiver.manage. */
        post: operations["RevokeEntityWaiver"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/entities/{namespace}/{kind}/{name}/waiver-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** All waiver requests of the entity, decided ones included, newest first. Needs squad-insights.compliance.read. */
        get: operations["ListEntityWaiverRequests"];
        put?: never;
        /** Asks a reviewer for a waiver of a check. Needs squad-insights.compliance.waiver.request (the shipped policy: owners and the owning tribe). Changes no verdict until approved. */
        post: operations["RequestEntityWaiver"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/entities/{namespace}/{kind}/{name}/waiver-requests/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Grants the requested waiver as the caller and marks the request granted. Needs squad-insights.compliance.waiver.manage; the rules of granting a waiver apply (separation of duties). */
        post: operations["ApproveEntityWaiverRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/entities/{namespace}/{kind}/{name}/waiver-requests/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rejects a waiver request; the row is kept. Needs squad-insights.compliance.waiver.manage. */
        post: operations["RejectEntityWaiverRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/entities/{namespace}/{kind}/{name}/attestations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** All attestations of the entity, revoked and expired ones included, newest first, and the attested checks of the policy */
        get: operations["ListEntityAttestations"];
        put?: never;
        /** Attests an attested check of the policy. Needs squad-insights.compliance.attestation.create; separation of duties applies as for waivers (allowSelfWaivers, separationOfDutiesScope). */
        post: operations["CreateEntityAttestation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/entities/{namespace}/{kind}/{name}/attestations/{id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revokes an attestation; the row is kept. Needs squad-insights.compliance.attestation.revoke. */
        post: operations["RevokeEntityAttestation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/entities/{namespace}/{kind}/{name}/reviews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ListEntityReviews"];
        put?: never;
        /** Records a review of the current results. Needs squad-insights.compliance.review.create. */
        post: operations["CreateEntityReview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/entities/{namespace}/{kind}/{name}/gate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Asks whether the service may be deployed to an environment (the policy's gate). Every decision is stored and audited. Needs squad-insights.gate.decide; with the policy's gate.requireServicePrincipal only service principals (backend.auth.externalAccess tokens) may ask. A denied answer is still a 200 with allowed false. */
        post: operations["DecideEntityGate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/entities/{namespace}/{kind}/{name}/gate/decisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The latest gate decisions of the entity, newest first, with their overrides. Needs squad-insights.compliance.read. */
        get: operations["ListEntityGateDecisions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/entities/{namespace}/{kind}/{name}/gate/decisions/{id}/override": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Break-glass: lets the next gate call for the denied decision's environment and commit through, once, before it expires. Needs squad-insights.compliance.waiver.manage; the owning squad may not override its own service (separation of duties, as for waivers). */
        post: operations["OverrideEntityGateDecision"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/compliance/portfolio": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every service of the catalog with its compliance verdict, filtered, searched, sorted and paged. Served from per-service summaries that are recomputed when facts, waivers or reviews change and by a scheduled pass. */
        get: operations["GetCompliancePortfolio"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/compliance/summaries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The compliance verdict and monthly CO2e of many entities at once, for the columns of a catalog table: one request per page of the table. Answers only for the entities the catalog lets the caller read; the others are left out as if they did not exist. */
        post: operations["GetCatalogSummaries"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/services": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ListServices"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
/** @public */
export type webhooks = Record<string, never>;
/** @public */
export interface components {
    schemas: {
        /** How current a fact is. Stale facts are the last good value, kept while the source fails. */
        Freshness: {
            /**
             * Format: date-time
             * When the value was read. Its age is the reader's to compute (now - readAt): the answer names instants only, so it stays the same, ETag included, while the facts do
             */
            readAt?: string;
            /**
             * Format: date-time
             * When the source was last asked
             */
            checkedAt?: string;
            /** Change marker: ETag, serial, ModifyIndex or X-Consul-Index */
            marker?: string;
            stale: boolean;
            /** Error of the last failed attempt */
            lastError?: string;
            /** Format: date-time */
            lastErrorAt?: string;
        };
        StateFacts: {
            /** <source-id>:<key> */
            reference: string;
            freshness: components["schemas"]["Freshness"];
            inventory: components["schemas"]["StateInventory"];
        };
        /** The normalised inventory of one Terraform state, as the reader in squad-insights-node produces it. Secrets are already gone: no attribute that Terraform marked sensitive, no sensitive output value and no secret-bearing attribute or value ever appears here. */
        StateInventory: {
            /**
             * ok: a state with zero or more resources; no-state: the location holds no state at all (e.g. an empty file); no-resources: a backend-config state (.terraform/terraform.tfstate), which describes a backend, not infrastructure.
             */
            status: "ok" | "no-state" | "no-resources";
            /**
             * Where the data came from: raw state format 1–4 or terraform show -json
             */
            format: "v1" | "v2" | "v3" | "v4" | "show-json" | "backend-config" | "empty";
            terraformVersion?: string;
            serial?: number;
            lineage?: string;
            resources: components["schemas"]["InventoryResource"][];
            /** Output names; value only for outputs that are not sensitive */
            outputs: {
                [key: string]: {
                    sensitive: boolean;
                    value?: unknown;
                };
            };
        };
        InventoryResource: {
            /** Full address without instance key, e.g. module.db.aws_db_instance.main */
            address: string;
            /** Module path, e.g. module.db or module.a.module.b; absent for the root module */
            module?: string;
            mode: "managed" | "data";
            type: string;
            name: string;
            /** Provider source address, e.g. registry.terraform.io/hashicorp/aws */
            provider: string;
            instances: components["schemas"]["InventoryInstance"][];
        };
        InventoryInstance: {
            /** count index or for_each key; absent for a single instance */
            indexKey?: string | number;
            /** Address including the instance key, e.g. aws_s3_bucket.logs["eu"] */
            address: string;
            /** AWS/GCP/Azure region, from the provider configuration, ARNs or availability zones */
            region?: string;
            tags: {
                [key: string]: string;
            };
            /** The instance's attributes with every secret removed */
            attributes: {
                [key: string]: unknown;
            };
        };
        ConsulFacts: {
            serviceName: string;
            freshness: components["schemas"]["Freshness"];
            view?: components["schemas"]["ConsulServiceView"];
        };
        /**
         * Health of one instance or a whole service, as Consul names check states. An instance takes the worst state of its checks (node checks such as serfHealth included, as Consul's own ?passing filter does); an instance without checks is passing, as in Consul.
         */
        ConsulHealthStatus: "passing" | "warning" | "critical";
        /** One health check of an instance, with name and output trimmed (outputs can be whole HTTP bodies and would bloat every page that shows the view). */
        ConsulCheckSummary: {
            checkId: string;
            name: string;
            status: components["schemas"]["ConsulHealthStatus"];
            output: string;
        };
        /** One registered instance of a service (one entry of GET /v1/health/service/:name) */
        ConsulServiceInstance: {
            node: string;
            /** Service.Address, or the node's address when the service registered none */
            address: string;
            port: number;
            serviceId: string;
            tags: string[];
            meta: {
                [key: string]: string;
            };
            health: components["schemas"]["ConsulHealthStatus"];
            checks: components["schemas"]["ConsulCheckSummary"][];
        };
        /** The ownership and compliance facts a service carries in Service.Meta, merged over its instances. Keys are read as team, tribe, compliance (comma separated), data-classification (or data_classification) and version. */
        ConsulServiceMeta: {
            team?: string;
            tribe?: string;
            compliance?: string[];
            dataClassification?: string;
            /** The version when all instances agree; see versions during a rollout */
            version?: string;
            /** Distinct versions running, sorted */
            versions: string[];
            /** Every Service.Meta key seen; on conflicting values the first instance wins */
            raw: {
                [key: string]: string;
            };
        };
        /** One source allowed or denied to reach the service, in Consul's evaluation order (the first entry for a source name is the one that applies). * is the wildcard source. */
        ConsulIntentionSource: {
            name: string;
            /**
             * L7 intentions (with Permissions, no Action) count as deny, as Consul's check does
             */
            action: "allow" | "deny";
        };
        /** Service-to-service authorisation of the service as destination */
        ConsulIntentions: {
            /** Whether a source without a matching intention may connect: configured (intentionsDefaultAllow) or read from GET /v1/connect/intentions/check?source=*. Absent when neither is available. */
            defaultAllow?: boolean;
            sources: components["schemas"]["ConsulIntentionSource"][];
            /** Why intentions could not be read (e.g. the token lacks intentions:read) */
            unavailable?: string;
        };
        /** What Consul knows at runtime about one service: instances and their health, ownership metadata, mesh (Connect) participation and intentions. */
        ConsulServiceView: {
            name: string;
            datacenter: string;
            instances: components["schemas"]["ConsulServiceInstance"][];
            /** Worst health over the instances */
            health: components["schemas"]["ConsulHealthStatus"];
            /** Instances per health state */
            healthCounts: {
                passing: number;
                warning: number;
                critical: number;
            };
            /** Union of the instances' tags, sorted */
            tags: string[];
            meta: components["schemas"]["ConsulServiceMeta"];
            connect: {
                /** A connect-proxy (e.g. <name>-sidecar-proxy) fronts the service */
                sidecar: boolean;
                /** The service speaks Connect itself (Connect.Native) */
                native: boolean;
            };
            intentions: components["schemas"]["ConsulIntentions"];
            /** X-Consul-Index of the health read the view was built from */
            index: number;
            /**
             * Format: date-time
             * When the view was read
             */
            readAt: string;
        };
        EntityFacts: {
            entityRef: string;
            states: components["schemas"]["StateFacts"][];
            consul?: components["schemas"]["ConsulFacts"];
            /** Annotation problems, e.g. a state reference that names no configured source, or a binding refused */
            problems: string[];
            /** How the operator's binding rules judged each state reference and the Consul service; a refused one is not read, and shows in states / consul as stale without content */
            bindings: components["schemas"]["FactBinding"][];
        };
        /** An entity's binding of a Terraform state (squad-insights.io/terraform-state) or Consul service (squad-insights.io/consul-service) */
        FactBinding: {
            annotation: string;
            /** The reference or service name as written */
            value: string;
            allowed: boolean;
            /** Allowed: the rule that allowed it */
            rule?: string;
            /** Refused: why */
            reason?: string;
            /** Refused: what the operator changes to allow it */
            howToAllow?: string;
        };
        ServiceSummary: {
            entityRef: string;
            references: string[];
            stale: boolean;
            /** Format: date-time */
            oldestReadAt?: string;
        };
        EnergyAndEmissions: {
            kwhPerDay: number;
            co2eKgPerDay: number;
        };
        /** Per-day energy and emissions by component (embodied kWh is always 0) */
        Breakdown: {
            compute: components["schemas"]["EnergyAndEmissions"];
            memory: components["schemas"]["EnergyAndEmissions"];
            storage: components["schemas"]["EnergyAndEmissions"];
            network: components["schemas"]["EnergyAndEmissions"];
            embodied: components["schemas"]["EnergyAndEmissions"];
        };
        /** An estimate that could not be made. It is a gap and never counts as zero. */
        NotEstimated: {
            /** Resource instance address, or <service>:network for its traffic */
            address: string;
            component: "compute" | "storage" | "network" | "embodied";
            reason: string;
        };
        /** What a service footprint and a rollup of them have in common */
        Footprint: {
            kwhPerDay: number;
            co2eKgPerDay: number;
            co2eKgPerMonth: number;
            carbonTaxSekPerMonth: number;
            breakdown: components["schemas"]["Breakdown"];
            byRegion: {
                [key: string]: components["schemas"]["EnergyAndEmissions"];
            };
            /** kWh-weighted renewable share of the regions used; null when no region has data */
            renewableShare: number | null;
            coverage: {
                made: number;
                notMade: number;
                notMadeShare: number;
            };
            notEstimated: components["schemas"]["NotEstimated"][];
        };
        /** The footprint of one service (ServiceFootprint in squad-insights-common) */
        ServiceFootprint: components["schemas"]["Footprint"] & {
            service: string;
            primaryRegion: string;
            sekPerKgCo2e: number;
            meetsRenewableThreshold: boolean | null;
            renewableThreshold: number;
            assumptions: string[];
            /** One line per estimated resource */
            items: components["schemas"]["FootprintItem"][];
            schedule?: components["schemas"]["WeeklyCapacity"];
            /** PUE and grid emission factor applied in each region */
            factors?: components["schemas"]["RegionFactors"][];
            /** Operational kWh per measured request */
            kwhPerTransaction?: number | null;
            requestsPerDay?: number;
            measured?: components["schemas"]["MeasuredSource"];
        };
        /** One estimated resource of a footprint, so advice and what-ifs can re-use its numbers (FootprintItem in squad-insights-common) */
        FootprintItem: {
            address: string;
            region: string;
            component: "compute" | "storage" | "network";
            kwhPerDay: number;
            /** This item by component (compute items carry memory and embodied too) */
            parts: {
                compute?: components["schemas"]["EnergyAndEmissions"];
                memory?: components["schemas"]["EnergyAndEmissions"];
                storage?: components["schemas"]["EnergyAndEmissions"];
                network?: components["schemas"]["EnergyAndEmissions"];
                embodied?: components["schemas"]["EnergyAndEmissions"];
            };
            /** Compute: energy of one unit-hour, so schedule changes can be priced */
            kwhPerUnitHour?: number;
            embodiedKgPerUnitHour?: number;
            /** CCF's embodied energy (co2e / emission factor), kept for comparison */
            ccfEmbodiedKwhPerDay?: number;
        };
        /** Scheduled capacity over one real week in one time zone, 7 local days (Monday first) by 24 local hours (WeeklyCapacity in squad-insights-common) */
        WeeklyCapacity: {
            timeZone: string;
            /** ISO instant of the local Monday 00:00 that starts the week */
            weekStart: string;
            /** Real hours in the week: 168, or 167/169 across a daylight-saving change */
            hoursInWeek: number;
            /** Real hours that fall in each local cell */
            hours: number[][];
            /** Replica-hours (replicas × hours) in each local cell */
            replicaHours: number[][];
            totalReplicaHours: number;
            /**
             * Where the replica counts came from
             */
            source: "schedule" | "observed" | "static";
            /** Scheduled actions that could not be read, e.g. rate(...) expressions */
            unsupported: string[];
        };
        /** The PUE and grid emission factor applied in one region (RegionFactors in squad-insights-common) */
        RegionFactors: {
            region: string;
            cloud: "aws" | "gcp" | "azure";
            pue: number;
            /** kg CO2e per kWh (CCF's location-based annual factor unless overridden) */
            gridKgCo2ePerKwh: number;
            gridSource: string;
        };
        /** Where the measured part of a usage came from and how fresh it is; present when measured usage went into the estimate (MeasuredSource in squad-insights-common) */
        MeasuredSource: {
            source: string;
            measuredAt: string;
            stale: boolean;
            staleReason?: string;
        };
        /** One piece of advice; positive savings are good, negative means the change is worse (Advice in squad-insights-common) */
        Advice: {
            kind: "shift-to-green-hours" | "move-region" | "trim-off-hours-replicas";
            summary: string;
            co2eKgPerMonthSaved: number;
            kwhPerMonthAffected: number;
            /** For move-region */
            region?: string;
            renewableShare?: number | null;
            /** For shift-to-green-hours with an hourly series: the carbon price of the saving */
            sekPerMonthSaved?: number;
            /** Where the grid intensity came from, when the advice used one */
            intensitySource?: string;
        };
        /**
         * How green the grid usually is in an hour of the day
         */
        GreenBand: "high" | "medium" | "low";
        /** Scheduled replicas and green band per local weekday-hour (Heatmap in squad-insights-common) */
        Heatmap: {
            timeZone: string;
            weekStart: string;
            capacity: (number | null)[][];
            band: components["schemas"]["GreenBand"][][];
            /** Mean g CO2e/kWh per local cell when an hourly series of the zone is known */
            intensity?: (number | null)[][];
            /** Zone and source of intensity */
            intensitySource?: string;
        };
        /** The footprint of a group of services (FootprintRollup in squad-insights-common) */
        FootprintRollup: components["schemas"]["Footprint"] & {
            name: string;
            services: string[];
            notEstimated: (components["schemas"]["NotEstimated"] & {
                service: string;
            })[];
        };
        FootprintDay: {
            entityRef: string;
            /** Format: date */
            day: string;
            kwhPerDay: number;
            co2eKgPerDay: number;
            carbonTaxSekPerMonth: number;
            breakdown: components["schemas"]["Breakdown"];
        };
        EntityFootprint: {
            entityRef: string;
            criticality: "critical" | "high" | "medium" | "low";
            /** False when the entity declares none; critical is then assumed */
            criticalityDeclared: boolean;
            footprint?: components["schemas"]["ServiceFootprint"];
            advice: components["schemas"]["Advice"][];
            heatmap?: components["schemas"]["Heatmap"];
            /** True when an input is stale; the footprint then uses the last good facts */
            stale: boolean;
            states: {
                reference: string;
                freshness: components["schemas"]["Freshness"];
            }[];
            consul?: {
                serviceName: string;
                freshness: components["schemas"]["Freshness"];
                healthyInstances?: number;
            };
            problems: string[];
            /** Daily snapshots of the last 90 days, oldest first */
            history: components["schemas"]["FootprintDay"][];
            /** Measured usage (CloudWatch) behind the estimate, with its freshness; absent when no usage source is configured */
            usage?: {
                source?: string;
                /** Format: date-time */
                measuredAt?: string;
                /** Format: date-time */
                attemptedAt: string;
                stale: boolean;
                staleReason?: string;
                missing: {
                    address: string;
                    reason: string;
                }[];
            };
            /** Grid intensity of the primary region's zone, hourly or the labelled yearly average */
            gridIntensity?: {
                zone: string;
                kind: "hourly" | "yearly-average";
                meanGCo2ePerKwh: number;
                hours: number;
                source: string;
                /** Format: date-time */
                readAt?: string;
                stale?: boolean;
                staleReason?: string;
            };
        };
        GroupServiceRow: {
            entityRef: string;
            owner: string;
            kwhPerDay?: number;
            co2eKgPerDay?: number;
            carbonTaxSekPerMonth?: number;
            notMadeShare?: number;
            /** False when no state was read and the service is not in the rollup */
            known: boolean;
            stale: boolean;
            problems: string[];
        };
        GroupFootprint: {
            groupRef: string;
            type: string;
            rollup: components["schemas"]["FootprintRollup"];
            /** One rollup per owning group (for a tribe its squads, for a chapter or guild the squads owning its services), worst first */
            byOwner: components["schemas"]["FootprintRollup"][];
            /** The services, worst first, unknown last */
            services: components["schemas"]["GroupServiceRow"][];
            unknownServices: string[];
            stale: boolean;
        };
        MonthFigures: {
            /** Operational energy after PUE */
            kwh: number;
            /** Operational plus embodied */
            co2eKg: number;
            co2eOperationalKg: number;
            co2eEmbodiedKg: number;
            carbonTaxSek: number;
        };
        /** The monthly sustainability report of a tribe or of the organisation */
        SustainabilityReport: {
            month: string;
            daysInMonth: number;
            /** The month is still running: figures are projected from the days so far */
            partial: boolean;
            scope: {
                kind: "tribe" | "organisation";
                ref?: string;
                title: string;
            };
            /** Format: date-time */
            generatedAt: string;
            sekPerKgCo2e: number;
            totals: components["schemas"]["MonthFigures"];
            /** One row per squad (tribe report) or tribe (organisation report) */
            groups: {
                ref: string;
                figures: components["schemas"]["MonthFigures"];
                services: number;
            }[];
            services: {
                entityRef: string;
                group: string;
                figures?: components["schemas"]["MonthFigures"];
                /** Days with a snapshot; the month is their mean times the days of the month */
                daysRecorded: number;
                basis?: "history" | "current-estimate";
            }[];
            /** The change from the month before, over services with figures in both */
            trend: {
                previousMonth: string;
                previous?: components["schemas"]["MonthFigures"];
                comparedServices: number;
                kwhChangePct: number | null;
                co2eChangePct: number | null;
            };
            renewable: {
                share: number | null;
                threshold: number;
                meetsThreshold: boolean | null;
                regions: {
                    region: string;
                    kwhPerDay: number;
                    share: number;
                    source: string;
                    /** Measured (grid-intensity source), or a published yearly average */
                    measured: boolean;
                }[];
                /** Regions with energy but no known share */
                unknownRegions: string[];
            };
            optimisations: {
                entityRef: string;
                kind: string;
                summary: string;
                co2eKgPerMonthSaved: number;
                sekPerMonthSaved: number;
            }[];
            /** Sum of every listed service's advice, not only the top ones */
            optimisationPotential: {
                co2eKgPerMonth: number;
                sekPerMonth: number;
            };
            notEstimated: {
                /** Services with no figures for the month, with why */
                services: {
                    entityRef: string;
                    reason: string;
                }[];
                items: (components["schemas"]["NotEstimated"] & {
                    service: string;
                })[];
                notMadeShare: number;
            };
        };
        /**
         * How much a failed check matters (SEVERITIES in squad-insights-common)
         */
        Severity: "low" | "medium" | "high" | "critical";
        /** What a check read from the facts, and what it expected (Evidence in squad-insights-common) */
        Evidence: {
            /** The state reference, or consul */
            source: string;
            address: string;
            /** Attribute path, e.g. tags.team or ingress[0].from_port */
            attribute: string;
            /** The value found, any JSON; absent when the attribute is not there */
            actual?: unknown;
            expected: string;
            serial?: number;
            consulIndex?: number;
            note?: string;
            /** Shared by the evidence of the alternatives of one rule (anyOf), any one of which would have decided it the other way; unique within one evaluation */
            alternativeGroup?: number;
        };
        /** The result of one check for one service (CheckResult in squad-insights-common) */
        CheckResult: {
            checkId: string;
            title: string;
            severity: components["schemas"]["Severity"];
            controls: string[];
            frameworks: string[];
            /**
             * A waived check keeps its real status (fail) and carries waiver
             */
            status: "pass" | "fail" | "not-applicable" | "unknown";
            /** Why it is not applicable or unknown; for a failure on partial data, what was missing */
            reason?: string;
            remediation: string;
            evidence: components["schemas"]["Evidence"][];
            waiver?: {
                expiresAt: string;
                reason?: string;
            };
            /**
             * Set on the checks a reviewer attests (the policy's attested checks)
             */
            attested?: true;
            /** The current attestation that makes an attested check pass, or the expired one that failed it */
            attestation?: {
                attestedBy: string;
                attestedAt: string;
                expiresAt: string;
                statement: string;
                evidenceUrl?: string;
            };
        };
        /** Severity-weighted share of the judged checks that pass; null when nothing passed or failed */
        ComplianceScore: {
            score: number | null;
            passed: number;
            failed: number;
            waived: number;
            unknown: number;
            notApplicable: number;
        };
        /** Whether a framework of the policy applies to the service, why, and its score */
        FrameworkResult: {
            id: string;
            title: string;
            applies: boolean;
            /** Why it applies or not, for the portal */
            reason: string;
            score: components["schemas"]["ComplianceScore"];
        };
        /** Matches a service profile (ProfileConditionSchema in squad-insights-common) */
        ProfileCondition: {
            always?: true;
            requirements?: string[];
            classifications?: components["schemas"]["DataClassification"][];
        };
        /** A value a new service starts with, or stricter.value where its profile matches stricter.when */
        GradedNumber: {
            value: number;
            stricter?: {
                value: number;
                when: components["schemas"]["ProfileCondition"];
            };
        };
        /**
         * The facts a tag carries, whatever the estate calls its tag
         */
        LogicalTag: "team" | "tribe" | "chapter" | "guild" | "service" | "businessCapability" | "dataClassification" | "compliance" | "country" | "organization" | "environment" | "managedBy";
        /** The tag name the estate uses for each logical tag */
        TagNames: {
            team: string;
            tribe: string;
            chapter: string;
            guild: string;
            service: string;
            businessCapability: string;
            dataClassification: string;
            compliance: string;
            country: string;
            organization: string;
            environment: string;
            managedBy: string;
        };
        /** The compliance policy's parameters as they apply to one service: the policy's own (ParametersSchema in squad-insights-common) and those derived from the service's profile (DERIVED_PARAMETERS). */
        ResolvedParameters: {
            tagNames: components["schemas"]["TagNames"];
            /** Consul Service.Meta keys of the logical tags where they differ from tagNames */
            metaNames?: {
                team?: string;
                tribe?: string;
                chapter?: string;
                guild?: string;
                service?: string;
                businessCapability?: string;
                dataClassification?: string;
                compliance?: string;
                country?: string;
                organization?: string;
                environment?: string;
                managedBy?: string;
            };
            requiredTags: components["schemas"]["LogicalTag"][];
            country?: string;
            organization?: string;
            allowedRegions: string[];
            swedishResidencyFrameworks?: string[];
            primaryRegion: string;
            drRegions: string[];
            allowedConsulDatacenters: string[];
            modernTlsPolicies: string[];
            publicIngressPorts: number[];
            recordTopicPatterns: string[];
            customerDataTopicPatterns: string[];
            minInsyncReplicas: number;
            minReplicationFactor: number;
            minBackupRetentionDays: number;
            waiverMaxDays?: number;
            criticalWaiverMaxDays?: number;
            newService: {
                requiredApprovals: components["schemas"]["GradedNumber"];
                backupRetentionDays: components["schemas"]["GradedNumber"];
                /** Ids of the checks that switch each setting on */
                switchedOnBy: {
                    encryptionInTransit: string[];
                    deletionProtection: string[];
                    serviceMesh: string[];
                };
            };
            recordRetentionYears: number;
            recordRetentionDays: number;
            recordRetentionMinMs: number;
            /** Only when GDPR applies; otherwise GDPR checks are not applicable anyway */
            gdprMaxRetentionYears?: number;
            gdprMaxRetentionDays?: number;
            gdprMaxRetentionMs?: number;
            /** Where the service's resources may be (primary and DR regions under Swedish residency, else allowedRegions) */
            residencyRegions: string[];
            /** DR/backup regions, restricted to the allowed (EU) regions */
            backupRegions: string[];
            swedishResidency: boolean;
            dataClassification?: string;
            complianceRequirements: string[];
        };
        /** The compliance evaluation of the service, with freshness */
        EntityCompliance: {
            entityRef: string;
            /** Format: date-time */
            evaluatedAt: string;
            /** True when an input is stale */
            stale: boolean;
            problems: string[];
            /** The bindings judged (absent from results and review snapshots stored before bindings existed) */
            bindings?: components["schemas"]["FactBinding"][];
            policy: {
                name: string;
                version?: string;
            };
            /** The frameworks that apply, why, and their scores */
            frameworks: components["schemas"]["FrameworkResult"][];
            parameters: components["schemas"]["ResolvedParameters"];
            /** One result per check; a waived failure keeps status fail and carries waiver */
            checks: components["schemas"]["CheckResult"][];
            score: components["schemas"]["ComplianceScore"];
        };
        Waiver: {
            id: string;
            entityRef: string;
            checkId: string;
            justification: string;
            grantedBy: string;
            /** Format: date-time */
            grantedAt: string;
            /** Format: date-time */
            expiresAt: string;
            revokedBy?: string;
            /** Format: date-time */
            revokedAt?: string;
            revokeReason?: string;
            status: "active" | "expired" | "revoked";
        };
        WaiverRequest: {
            id: string;
            entityRef: string;
            checkId: string;
            justification: string;
            /**
             * Format: date-time
             * The expiry asked for
             */
            expiresAt: string;
            requestedBy: string;
            /** Format: date-time */
            requestedAt: string;
            status: "requested" | "granted" | "rejected";
            decidedBy?: string;
            /** Format: date-time */
            decidedAt?: string;
            decisionReason?: string;
            /** The waiver granted on approval */
            waiverId?: string;
        };
        Attestation: {
            id: string;
            entityRef: string;
            checkId: string;
            statement: string;
            evidenceUrl: string;
            attestedBy: string;
            /** Format: date-time */
            attestedAt: string;
            /** Format: date-time */
            expiresAt: string;
            revokedBy?: string;
            /** Format: date-time */
            revokedAt?: string;
            revokeReason?: string;
            status: "current" | "expired" | "revoked";
        };
        AttestedCheck: {
            checkId: string;
            title: string;
            controls: string[];
            /** The longest an attestation of the check may run */
            maxValidityDays: number;
        };
        Review: {
            id: string;
            entityRef: string;
            reviewer: string;
            decision: "approved" | "changes_requested";
            comment?: string;
            /** Format: date-time */
            createdAt: string;
            snapshot: components["schemas"]["EntityCompliance"];
        };
        GateReason: {
            code: "check-failing" | "waiver-expired" | "attestation-expired" | "check-unknown" | "check-waived" | "review-missing" | "review-outdated" | "facts-stale" | "plan-new-failure" | "break-glass";
            /** Whether this reason denies the deploy (unless overridden) */
            blocking: boolean;
            message: string;
            checkId?: string;
            severity?: components["schemas"]["Severity"];
            /** The gated frameworks the check belongs to */
            frameworks?: string[];
        };
        GateOverride: {
            id: string;
            decisionId: string;
            entityRef: string;
            environment: string;
            commit: string;
            reason: string;
            grantedBy: string;
            /** Format: date-time */
            grantedAt: string;
            /** Format: date-time */
            expiresAt: string;
            status: "usable" | "used" | "expired";
            /** The gate decision that used it */
            consumedBy?: string;
            consumedAt?: string;
        };
        GateDecision: {
            id: string;
            entityRef: string;
            environment: string;
            commit: string;
            allowed: boolean;
            reasons: components["schemas"]["GateReason"][];
            /** The principal that asked: a service subject or a user entity ref */
            caller: string;
            createdAt: string;
            /** Whether a pipeline that cannot ask should fail for this service (on fresh decisions) */
            failClosed?: boolean;
            /** The break-glass override this decision used */
            overrideId?: string;
            /** Overrides granted for this decision */
            overrides: components["schemas"]["GateOverride"][];
        };
        PortfolioFrameworkStatus: {
            id: string;
            title: string;
            status: "compliant" | "failing" | "unknown";
            score: number | null;
            failed: number;
        };
        PortfolioRow: {
            entityRef: string;
            name: string;
            title?: string;
            /** Group entity ref of the owning squad */
            squad?: string;
            /** Group entity ref of the tribe of the owning squad */
            tribe?: string;
            /** Group entity ref of the chapter the squad-insights.io/chapter annotation names */
            chapter?: string;
            /** Group entity ref of the guild the squad-insights.io/guild annotation names */
            guild?: string;
            status: "compliant" | "failing" | "unknown";
            score: number | null;
            failingChecks: number;
            frameworks: components["schemas"]["PortfolioFrameworkStatus"][];
            waivers: {
                active: number;
                /** Active waivers expiring within 30 days */
                expiringSoon: number;
                /** Format: date-time */
                nextExpiry?: string;
            };
            /** The attested checks of the policy that apply to the service, by state */
            attestations: {
                /** Attested checks that apply to the service */
                applicable: number;
                /** Of those, attested and not expired */
                current: number;
                /** Of those, never attested: awaiting a reviewer */
                awaiting: number;
                /** Of those, attested once but every attestation expired */
                expired: number;
                /**
                 * Format: date-time
                 * Earliest expiry of a current attestation
                 */
                nextExpiry?: string;
            };
            lastReview?: {
                /** Format: date-time */
                at: string;
                reviewer: string;
                decision: "approved" | "changes_requested";
            };
            /** The latest deployment gate decision, in whichever environment was asked last; absent when never gated */
            lastGate?: {
                decisionId: string;
                environment: string;
                allowed: boolean;
                /** Format: date-time */
                decidedAt: string;
            };
            /** True when an input of the verdict is stale */
            stale: boolean;
        };
        PortfolioResponse: {
            items: components["schemas"]["PortfolioRow"][];
            totalCount: number;
            offset: number;
            limit: number;
            /** The values the filters can take over the whole portfolio */
            facets: {
                tribes: string[];
                squads: string[];
                chapters: string[];
                guilds: string[];
                frameworks: {
                    id: string;
                    title: string;
                }[];
            };
            /**
             * Format: date-time
             * When the oldest summary behind this answer was computed
             */
            generatedAt: string;
        };
        /** What the catalog table shows of one entity; a part is absent when unknown */
        CatalogSummary: {
            /** The ref as the request spelled it */
            entityRef: string;
            compliance?: {
                /**
                 * Worst status over the frameworks
                 */
                status: "compliant" | "failing" | "unknown";
                failingChecks: number;
                frameworks: components["schemas"]["PortfolioFrameworkStatus"][];
                stale: boolean;
            };
            /** Absent when no Terraform state of the entity has been read */
            co2eKgPerMonth?: number;
        };
        /** Every error's body, as Backstage's error handler writes it: what failed and what was asked */
        Error: {
            error: {
                /** NotFoundError, InputError, NotAllowedError, … */
                name: string;
                message: string;
            };
            request: {
                method?: string;
                url?: string;
            };
            response: {
                statusCode: number;
            };
        };
        /** A group of the squad model */
        GroupSummary: {
            entityRef: string;
            title: string;
            /** The Group's spec.type: tribe, squad, chapter, guild, team */
            type: string;
        };
        /** Where the service sits in the squad model: a squad-owned service has a squad and, through it, a tribe; one owned by another group has only team */
        ServiceOwnership: {
            squad?: components["schemas"]["GroupSummary"];
            tribe?: components["schemas"]["GroupSummary"];
            team?: components["schemas"]["GroupSummary"];
            chapter?: components["schemas"]["GroupSummary"];
            guild?: components["schemas"]["GroupSummary"];
        };
        ServiceContact: {
            /** The User or Group, when one was named */
            entityRef?: string;
            /** The entity's display name, or the address itself */
            title: string;
            email?: string;
            /**
             * annotation: named by the owning squad's contact annotation; squad-email: nobody was named, so the squad's spec.profile.email stands in
             */
            source: "annotation" | "squad-email";
        };
        /** From the owning squad's squad-insights.io/technical-contact, business-contact and on-call annotations; a role nobody is named for falls back to the squad's spec.profile.email. */
        ServiceContacts: {
            technical: components["schemas"]["ServiceContact"][];
            business: components["schemas"]["ServiceContact"][];
            onCall: components["schemas"]["ServiceContact"][];
        };
        /**
         * Data classifications, from least to most sensitive (DATA_CLASSIFICATIONS in squad-insights-common)
         */
        DataClassification: "public" | "internal" | "personal" | "user_behavioral" | "user_content" | "financial";
        /** What the service declares through the Squad Insights annotations */
        ServiceProfile: {
            businessCapability?: string;
            dataClassification?: components["schemas"]["DataClassification"];
            /** Ids of frameworks of the compliance policy, in their canonical spelling */
            complianceRequirements: string[];
            chapter?: string;
            guild?: string;
            /** <source-id>:<key> references from squad-insights.io/terraform-state */
            terraformStates: string[];
            consulService?: string;
            /** 7 for financial or PCI data, 3 otherwise (recordRetentionYears in squad-insights-common) */
            recordRetentionYears: number;
        };
        ServiceProfileResponse: {
            entityRef: string;
            profile: components["schemas"]["ServiceProfile"];
            problems: {
                annotation: string;
                message: string;
            }[];
            ownership: components["schemas"]["ServiceOwnership"];
            /** Absent when the owner is not in the catalog */
            contacts?: components["schemas"]["ServiceContacts"];
        };
    };
    responses: never;
    parameters: {
        namespace: string;
        kind: string;
        name: string;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
/** @public */
export type $defs = Record<string, never>;
/** @public */
export interface operations {
    GetHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** The plugin is up */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        status: string;
                    };
                };
            };
            /** An error: 401 without credentials, 500 when something failed */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GetEntityProfile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                namespace: components["parameters"]["namespace"];
                kind: components["parameters"]["kind"];
                name: components["parameters"]["name"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** Squad-model ownership and declared profile */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceProfileResponse"];
                };
            };
            /** Unknown entity */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** An error: 401 without credentials, 500 when something failed */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GetEntityFacts: {
        parameters: {
            query?: never;
            header?: {
                /** The ETag of an answer the client holds; 304 when it is still the current one. */
                "If-None-Match"?: string;
            };
            path: {
                namespace: components["parameters"]["namespace"];
                kind: components["parameters"]["kind"];
                name: components["parameters"]["name"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** What is known about the entity, stale parts marked. Gzip-encoded when the request accepts gzip. */
            200: {
                headers: {
                    /** Strong validator of this version of the answer: it changes with every new read, check, error or binding decision, and with the ages, which count whole seconds. */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EntityFacts"];
                };
            };
            /** Not modified, no body; the If-None-Match ETag is still the current answer's. Sent only after the caller's permission and catalog checks passed. */
            304: {
                headers: {
                    /** The current answer's ETag. */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** Unknown entity */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** An error: 401 without credentials, 500 when something failed */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GetEntityFootprint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                namespace: components["parameters"]["namespace"];
                kind: components["parameters"]["kind"];
                name: components["parameters"]["name"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** Energy, CO2e, carbon tax, advice and heatmap of the service, with freshness and history */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EntityFootprint"];
                };
            };
            /** Unknown entity */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** An error: 401 without credentials, 500 when something failed */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GetGroupFootprint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                namespace: components["parameters"]["namespace"];
                name: components["parameters"]["name"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** Rollup of the services a squad or tribe owns, or that name a chapter or guild in their annotations, with one row per service */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GroupFootprint"];
                };
            };
            /** Unknown group */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** An error: 401 without credentials, 500 when something failed */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GetSustainabilityReport: {
        parameters: {
            query: {
                /** The month, YYYY-MM; not in the future */
                month: string;
                /** Group entity ref of a tribe, e.g. group:default/commerce-tribe */
                tribe?: string;
                /** json (default) or csv */
                format?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** The report, one figure a CSV row (month,scope,section,item,metric,value,unit,note) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SustainabilityReport"];
                    "text/csv": string;
                };
            };
            /** month, tribe or format is missing or not valid; the message names which */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** An error: 401 without credentials, 500 when something failed */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    RefreshEntity: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                namespace: components["parameters"]["namespace"];
                kind: components["parameters"]["kind"];
                name: components["parameters"]["name"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** The facts after the refresh */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EntityFacts"];
                };
            };
            /** Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** An error: 401 without credentials, 500 when something failed */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GetEntityCompliance: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                namespace: components["parameters"]["namespace"];
                kind: components["parameters"]["kind"];
                name: components["parameters"]["name"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** Check results and scores per framework and for the service */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EntityCompliance"];
                };
            };
            /** Unknown entity */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** An error: 401 without credentials, 500 when something failed */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ListEntityWaivers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                namespace: components["parameters"]["namespace"];
                kind: components["parameters"]["kind"];
                name: components["parameters"]["name"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** The waivers */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Waiver"][];
                    };
                };
            };
            /** An error: 401 without credentials, 500 when something failed */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GrantEntityWaiver: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                namespace: components["parameters"]["namespace"];
                kind: components["parameters"]["kind"];
                name: components["parameters"]["name"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    checkId?: string;
                    justification?: string;
                    /** ISO date-time in the future */
                    expiresAt?: string;
                };
            };
        };
        responses: {
            /** The granted waiver */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Waiver"];
                };
            };
            /** Missing justification, an expiry not in the future or an unknown check */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** An error: 401 without credentials, 500 when something failed */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    RevokeEntityWaiver: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                namespace: components["parameters"]["namespace"];
                kind: components["parameters"]["kind"];
                name: components["parameters"]["name"];
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    reason?: string;
                };
            };
        };
        responses: {
            /** The revoked waiver */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Waiver"];
                };
            };
            /** Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** Unknown waiver */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** An error: 401 without credentials, 500 when something failed */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ListEntityWaiverRequests: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                namespace: components["parameters"]["namespace"];
                kind: components["parameters"]["kind"];
                name: components["parameters"]["name"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** The waiver requests */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["WaiverRequest"][];
                    };
                };
            };
            /** An error: 401 without credentials, 500 when something failed */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    RequestEntityWaiver: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                namespace: components["parameters"]["namespace"];
                kind: components["parameters"]["kind"];
                name: components["parameters"]["name"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    checkId?: string;
                    justification?: string;
                    /** ISO date-time in the future */
                    expiresAt?: string;
                };
            };
        };
        responses: {
            /** The open request */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WaiverRequest"];
                };
            };
            /** Missing justification, an expiry not in the future or an unknown check */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** A request for the same check is already open */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** An error: 401 without credentials, 500 when something failed */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ApproveEntityWaiverRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                namespace: components["parameters"]["namespace"];
                kind: components["parameters"]["kind"];
                name: components["parameters"]["name"];
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** The granted request, with waiverId */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WaiverRequest"];
                };
            };
            /** Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** Unknown request */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** The request is already decided */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** An error: 401 without credentials, 500 when something failed */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    RejectEntityWaiverRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                namespace: components["parameters"]["namespace"];
                kind: components["parameters"]["kind"];
                name: components["parameters"]["name"];
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    reason?: string;
                };
            };
        };
        responses: {
            /** The rejected request */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WaiverRequest"];
                };
            };
            /** Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** Unknown request */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** The request is already decided */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** An error: 401 without credentials, 500 when something failed */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ListEntityAttestations: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                namespace: components["parameters"]["namespace"];
                kind: components["parameters"]["kind"];
                name: components["parameters"]["name"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** The attestations and the attested checks */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Attestation"][];
                        checks: components["schemas"]["AttestedCheck"][];
                    };
                };
            };
            /** Unknown entity */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** An error: 401 without credentials, 500 when something failed */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    CreateEntityAttestation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                namespace: components["parameters"]["namespace"];
                kind: components["parameters"]["kind"];
                name: components["parameters"]["name"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** An attested check of the policy */
                    checkId?: string;
                    /** What is in place and how */
                    statement?: string;
                    /** http or https link to the evidence */
                    evidenceUrl?: string;
                    /** ISO date-time in the future, at most the check's attested.maxValidityDays ahead */
                    expiresAt?: string;
                };
            };
        };
        responses: {
            /** The attestation */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Attestation"];
                };
            };
            /** Missing statement, an evidence link that is not http(s), an expiry not in the future or beyond the check's maximum, or a check that is unknown, not attested, or does not apply to the entity (its frameworks or its when do not apply) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** Unknown entity */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** An error: 401 without credentials, 500 when something failed */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    RevokeEntityAttestation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                namespace: components["parameters"]["namespace"];
                kind: components["parameters"]["kind"];
                name: components["parameters"]["name"];
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    reason?: string;
                };
            };
        };
        responses: {
            /** The revoked attestation */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Attestation"];
                };
            };
            /** Already revoked */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** Unknown attestation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** An error: 401 without credentials, 500 when something failed */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ListEntityReviews: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                namespace: components["parameters"]["namespace"];
                kind: components["parameters"]["kind"];
                name: components["parameters"]["name"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** Reviews of the entity, newest first, each with the results judged */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Review"][];
                    };
                };
            };
            /** An error: 401 without credentials, 500 when something failed */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    CreateEntityReview: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                namespace: components["parameters"]["namespace"];
                kind: components["parameters"]["kind"];
                name: components["parameters"]["name"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** approved or changes_requested */
                    decision?: string;
                    comment?: string;
                };
            };
        };
        responses: {
            /** The review with its snapshot */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Review"];
                };
            };
            /** Invalid decision */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** An error: 401 without credentials, 500 when something failed */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    DecideEntityGate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                namespace: components["parameters"]["namespace"];
                kind: components["parameters"]["kind"];
                name: components["parameters"]["name"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** An environment the policy gates, e.g. production */
                    environment?: string;
                    /** The commit being deployed */
                    commit?: string;
                    /** terraform show -json of the plan being applied (optional) */
                    plan?: unknown;
                    /** The declared state the plan changes, when the service declares several */
                    stateReference?: string;
                };
            };
        };
        responses: {
            /** The decision, with its id and reasons */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GateDecision"];
                };
            };
            /** Unknown environment, missing commit or malformed plan, naming the field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** Not allowed, or a user token where the policy requires a service principal */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** Unknown entity */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** An error: 401 without credentials, 500 when something failed */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ListEntityGateDecisions: {
        parameters: {
            query?: {
                limit?: number;
            };
            header?: never;
            path: {
                namespace: components["parameters"]["namespace"];
                kind: components["parameters"]["kind"];
                name: components["parameters"]["name"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** The decisions */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["GateDecision"][];
                    };
                };
            };
            /** An error: 401 without credentials, 500 when something failed */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    OverrideEntityGateDecision: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                namespace: components["parameters"]["namespace"];
                kind: components["parameters"]["kind"];
                name: components["parameters"]["name"];
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason?: string;
                    /** At most the policy gate.overrideMaxHours (default 24) */
                    expiresInHours?: number;
                };
            };
        };
        responses: {
            /** The override */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GateOverride"];
                };
            };
            /** Missing reason, an expiry beyond the policy, or a decision that was allowed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** Not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** Unknown decision */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** An error: 401 without credentials, 500 when something failed */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GetCompliancePortfolio: {
        parameters: {
            query?: {
                /** Group entity ref of a tribe */
                tribe?: string;
                /** Group entity ref of a squad */
                squad?: string;
                /** Group entity ref of a chapter */
                chapter?: string;
                /** Group entity ref of a guild */
                guild?: string;
                /** A framework id of the policy; with status, the status of that framework. Unknown ids match nothing */
                framework?: string;
                /** A check id of the policy: only services where it fails without an active waiver. Unknown ids match nothing */
                check?: string;
                status?: "compliant" | "failing" | "unknown";
                /** Only services with an active waiver expiring within this many days */
                expiringWithinDays?: number;
                /** awaiting, expired or expiring: only services with an applying attested check awaiting its first attestation, with an expired attestation, or with a current attestation expiring within 30 days */
                attestation?: string;
                /** denied or allowed: only services whose latest deployment gate decision, in any environment, denied or allowed the deploy. Services never gated match neither */
                lastGate?: string;
                /** Case-insensitive search over name and title and squad and tribe */
                q?: string;
                sort?: "service" | "squad" | "tribe" | "status" | "score" | "failingChecks" | "nextWaiverExpiry" | "lastReviewAt";
                order?: "asc" | "desc";
                offset?: number;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** One page of the portfolio, sorted with the entity ref breaking ties, and the facets */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortfolioResponse"];
                };
            };
            /** A parameter is out of range or not one of its allowed values */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** An error: 401 without credentials, 500 when something failed */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    GetCatalogSummaries: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    entityRefs: string[];
                };
            };
        };
        responses: {
            /** One item per requested entity the caller may read, in the order asked */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["CatalogSummary"][];
                    };
                };
            };
            /** The body is not a list of 1 to 200 entity refs */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** An error: 401 without credentials, 500 when something failed */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ListServices: {
        parameters: {
            query?: {
                offset?: number;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** Services with facts and their freshness, ordered by entity ref */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["ServiceSummary"][];
                        totalCount: number;
                        offset: number;
                        limit: number;
                    };
                };
            };
            /** An error: 401 without credentials, 500 when something failed */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
}
