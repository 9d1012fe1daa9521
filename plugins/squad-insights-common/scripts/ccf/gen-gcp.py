# Writes src/sustainability/data/ccf-gcp.json from CCF's GCP constants (the GCP package is not on npm):
# the tables were read from cloud-carbon-footprint/cloud-carbon-footprint at the commit named in the
# JSON's source block and transcribed here; run with python3 > ccf-gcp.json.
# Transcribed from cloud-carbon-footprint @ 0656d55594b69d74ce35ff18019be36140beaa50 (read verbatim).
import json
fam = {
 'e2-standard': {'e2-standard-2':[2,1.2303],'e2-standard-4':[4,1.2303],'e2-standard-8':[8,1.2303],'e2-standard-16':[16,1.2303],'e2-standard-32':[32,1.2303]},
 'e2-highmen': {'e2-highmem-2':[2,1.2303],'e2-highmem-4':[4,1.2303],'e2-highmem-8':[8,1.2303],'e2-highmem-16':[16,1.2303]},
 'e2-highcpu': {'e2-highcpu-2':[2,1.0972],'e2-highcpu-4':[4,1.0972],'e2-highcpu-8':[8,1.0972],'e2-highcpu-16':[16,1.0972],'e2-highcpu-32':[32,1.0972]},
 'n2-standard': {f'n2-standard-{n}':[n,1.8879] for n in [2,4,8,16,32,48,64,80,96,128]},
 'n2-highmem': {**{f'n2-highmem-{n}':[n,2.3761] for n in [2,4]}, 'n2-highmem-8\t':[8,2.3761], **{f'n2-highmem-{n}':[n,2.3761] for n in [16,32,48,64,80,96,128]}},
 'n2-highcpu': {f'n2-highcpu-{n}':[n,1.311] for n in [2,4,8,16,32,48,64,80,96]},
 'n2d-standard': {f'n2d-standard-{n}':[n,2.3205] for n in [2,4,8,16,32,48,64,80,96,128,224]},
 'n2d-highmem': {f'n2d-highmem-{n}':[n,2.1429] for n in [2,4,8,16,32,48,64,80,96]},
 'n2d-highcpu': {f'n2d-highcpu-{n}':[n,1.3885] for n in [2,4,8,16,32,48,64,80,96,128,224]},
 't2d-standard': {f't2d-standard-{n}':[n,1.3107] for n in [1,2,4,8,16,32,48,60]},
 'n1-standard': {f'n1-standard-{n}':[n,1.6771] for n in [1,2,4,8,16,32,64,96]},
 'n1-highmem': {f'n1-highmem-{n}':[n,2.0432] for n in [2,4,8,16,32,64,96]},
 'n1-highcpu': {f'n1-highcpu-{n}':[n,1.2976] for n in [2,4,8,16,32,64,96]},
 'c2-standard': {f'c2-standard-{n}':[n,1.5107] for n in [4,8,16,30,60]},
 'c2d-standard': {f'c2-standard-{n}':[n,1.6991] for n in [2,4,8,16,32,56,112]},
 'm1-ultramem': {'m1-ultramem-40':[40,1.1],'m1-ultramem-80':[80,1.1],'m1-ultramem-160':[160,1.1]},
 'm1-megamem': {'m1-megamem-96':[96,1.2]},
 'm2-ultramem': {'m2-ultramem-208':[208,1.1],'m2-ultramem-416':[416,1.1]},
 'm2-megamem': {'m2-megamem-416':[416,1.1]},
 'a2-highgpu': {'a2-highgpu-1g':[12,5.464],'a2-highgpu-2g':[24,5.464],'a2-highgpu-4g':[48,5.464],'a2-highgpu-8g':[96,5.464]},
 'a2-megagpu': {'a2-megagpu-16g':[96,5.464]},
}
shared = {'e2': {'e2-micro':[2,1.2303],'e2-small':[2,1.2303],'e2-medium':[2,1.2303],'e2-standard-32':[32,1.2303]}}
n1shared = {'f1-micro':[1,1.5771],'g1-small':[1,1.5771],'n1-standard-96':[96,1.6771]}
S='Skylake';B='Broadwell';H='Haswell';C='Cascade Lake';SB='Sandy Bridge';IB='Ivy Bridge';A2='AMD EPYC 2nd Gen';A3='AMD EPYC 3rd Gen'
procs = {'e2':[S,B,H,A2],'n2':[C],'n2d':[A2],'t2d':[A3],'n1':[S,B,H,SB,IB],'c2':[C],'c2d':[A3],'m2':[B,C],'m1':[B,S],'a2':[C],
 'e2-micro':['Unknown'],'e2-small':['Unknown'],'e2-medium':['Unknown'],'f1-micro':['Unknown'],'g1-small':['Unknown']}
cpu = {  # packages/core/src/compute/ComputeProcessorTypes.ts: min_watts_avg, max_watts_avg (CPUs the GCP constants list)
 C:(0.64,3.97),S:(0.65,4.26),B:(0.71,3.69),H:(1,4.74),'Coffee Lake':(1.14,5.42),SB:(2.17,8.58),IB:(3.04,8.25),
 'AMD EPYC 1st Gen':(0.82,2.55),A2:(0.47,1.69),A3:(0.45,2.02)}
R=lambda s:s  # region names are GCPRegions.ts enum values
ef_grid = {'us-central1':0.000454,'us-central2':0.000454,'us-east1':0.00048,'us-east4':0.000361,'us-west1':0.000078,'us-west2':0.000253,'us-west3':0.000533,'us-west4':0.000455,
 'asia-east1':0.00054,'asia-east2':0.000453,'asia-northeast1':0.000554,'asia-northeast2':0.000442,'asia-northeast3':0.000457,'asia-south1':0.000721,'asia-south2':0.000657,
 'asia-southeast1':0.000493,'asia-southeast2':0.000647,'australia-southeast1':0.000727,'australia-southeast2':0.000691,'europe-central2':0.000622,'europe-north1':0.000133,
 'europe-west1':0.000212,'europe-west2':0.000231,'europe-west3':0.000293,'europe-west4':0.00041,'europe-west6':0.000087,'northamerica-northeast1':0.000027,'southamerica-east1':0.000103,
 'asia1':0.000498,'eur4':0.0002715,'nam4':0.000467,'asia':0.0005515555556,'europe':0.000284,'us':0.0003734285714,'Unknown':0.0004116296296}
ef_cfe = {'us-central1':0.00003178,'us-central2':0.00003178,'us-east1':0.0003504,'us-east4':0.00015162,'us-west1':0.0000078,'us-west2':0.00011638,'us-west3':0.00038376,'us-west4':0.00036855,
 'asia-east1':0.0004428,'asia-east2':0.000453,'asia-northeast1':0.00048752,'asia-northeast2':0.000442,'asia-northeast3':0.00031533,'asia-south1':0.00063448,'asia-south2':0.000657,
 'asia-southeast1':0.00047328,'asia-southeast2':0.000647,'australia-southeast1':0.00064703,'australia-southeast2':0.000691,'europe-central2':0.000622,'europe-north1':0.00000798,
 'europe-west1':0.00004452,'europe-west2':0.00009471,'europe-west3':0.00010841,'europe-west4':0.000164,'europe-west6':0.000087,'northamerica-northeast1':0.000027,'southamerica-east1':0.00001236,
 'asia1':0.00046476,'eur4':0.00008599,'nam4':0.00019109,'asia':0.0005058233333,'europe':0.0001723183333,'us':0.00018025875,'Unknown':0.0003035889286}
out = {
 'source': {'repository':'cloud-carbon-footprint/cloud-carbon-footprint','commit':'0656d55594b69d74ce35ff18019be36140beaa50','licence':'Apache-2.0',
   'files':['packages/gcp/src/domain/GcpFootprintEstimationConstants.ts','packages/gcp/src/lib/MachineTypes.ts','packages/core/src/compute/ComputeProcessorTypes.ts',
            'packages/gcp/src/lib/GCPRegions.ts (region names; stored version 72ef6110e78d2daa183839a3356a34d2af6ed689, newer names follow its pattern)',
            'packages/gcp/src/lib/ReplicationFactors.ts (which factor applies; stored version 1015f184c9088b2019550e4bd8ee2a1167686d1b)'],
   'note':'Numbers copied verbatim, family tables kept as CCF spells them (including its typos e2-highmen, "n2-highmem-8\\t" and c2-standard-* keys under c2d-standard). The formulas that use them are in BillingExportTable.ts and packages/core.'},
 'units': {'watts':'W per vCPU','memoryCoefficient':'kWh per GB-hour','storage':'Wh per TB-hour','networking':'kWh per GB','emissionsFactors':'metric tonnes CO2e per kWh',
   'embodiedServerTco2e':'metric tonnes CO2e for the whole server over its lifespan','serverLifespanHours':'hours'},
 'pueAvg':1.1,
 'pueByRegion':{'us-east1':1.102,'us-central1':1.11,'us-central2':1.12,'us-west1':1.095,'europe-west1':1.08,'europe-west4':1.09,'europe-north1':1.09,'asia-east1':1.13,'asia-southeast1':1.14,'southamerica-east1':1.09},
 'defaultCpuUtilizationPct':50,
 'minWattsMedian':0.68,'maxWattsMedian':4.11,
 'minWattsByProcessor':{k:v[0] for k,v in cpu.items()},
 'maxWattsByProcessor':{k:v[1] for k,v in cpu.items()},
 'memoryCoefficient':0.000392,'ssdCoefficient':1.2,'hddCoefficient':0.65,'networkingCoefficient':0.001,'serverLifespanHours':35040,
 'replicationFactors':{'CLOUD_STORAGE_SINGLE_REGION':2,'CLOUD_STORAGE_DUAL_REGION':4,'CLOUD_STORAGE_MULTI_REGION':6,'COMPUTE_ENGINE_REGIONAL_DISKS':2,'CLOUD_FILESTORE':2,
   'CLOUD_SQL_HIGH_AVAILABILITY':2,'CLOUD_MEMORY_STORE_REDIS':2,'CLOUD_SPANNER_SINGLE_REGION':4,'CLOUD_SPANNER_MULTI_REGION':6,'KUBERNETES_ENGINE':3,'DEFAULT':1},
 'dualRegions':['asia1','eur4','nam4'],'multiRegions':['asia','europe','us'],
 'emissionsFactors':ef_grid,
 'emissionsFactorsWithCarbonFreeEnergy':ef_cfe,
 'processorsByMachinePrefix':procs,
 'machineFamilies':fam,
 'sharedCoreMachineFamilies':shared,
 'n1SharedCoreMachineTypes':n1shared,
}
print(json.dumps(out, indent=1, ensure_ascii=False))
