import { inventoryOf } from './__testUtils__/tfstate';
import { readServiceUsage } from './usage';

const WEEK = Date.parse('2025-01-15T12:00:00Z');

describe('Fargate services', () => {
  const inventory = inventoryOf(
    {
      type: 'aws_ecs_task_definition',
      name: 't',
      attributes: {
        arn: 'arn:aws:ecs:eu-north-1:1:task-definition/api:3',
        family: 'api',
        revision: 3,
        cpu: '512',
        memory: '1024',
      },
    },
    {
      type: 'aws_ecs_service',
      name: 's',
      region: 'eu-north-1',
      attributes: {
        name: 'api',
        cluster: 'arn:aws:ecs:eu-north-1:1:cluster/main',
        launch_type: 'FARGATE',
        desired_count: 2,
        task_definition: 'arn:aws:ecs:eu-north-1:1:task-definition/api:3',
      },
    },
    {
      type: 'aws_appautoscaling_scheduled_action',
      name: 'day',
      attributes: {
        name: 'day',
        resource_id: 'service/main/api',
        schedule: 'cron(0 8 ? * * *)',
        timezone: 'Europe/Stockholm',
        scalable_target_action: [{ min_capacity: '4', max_capacity: '8' }],
      },
    },
    {
      type: 'aws_appautoscaling_scheduled_action',
      name: 'night',
      attributes: {
        name: 'night',
        resource_id: 'service/main/api',
        schedule: 'cron(0 20 ? * * *)',
        timezone: 'Europe/Stockholm',
        scalable_target_action: [{ min_capacity: '1', max_capacity: '2' }],
      },
    },
  );

  it('cpu units / 1024 vCPU, MiB / 1024 GB, replica-hours from the schedule', () => {
    const [c] = readServiceUsage([inventory], { weekOf: WEEK }).compute;
    expect(c).toMatchObject({
      kind: 'fargate',
      vcpus: 0.5,
      memoryGb: 1,
      replicaSource: 'schedule',
    });
    expect(c.unitHoursPerDay).toBe(12 * 4 + 12 * 1);
  });

  it('an observed healthy count replaces the schedule, which is kept for the heatmap', () => {
    const usage = readServiceUsage([inventory], {
      weekOf: WEEK,
      observedHealthyInstances: 3,
    });
    expect(usage.compute[0]).toMatchObject({
      unitHoursPerDay: 72,
      replicaSource: 'observed',
    });
    expect(usage.schedule?.totalReplicaHours).toBe(7 * 60);
  });

  it('without a schedule the desired count runs all day', () => {
    const plain = { ...inventory, resources: inventory.resources.slice(0, 2) };
    const [c] = readServiceUsage([plain], { weekOf: WEEK }).compute;
    expect(c).toMatchObject({ unitHoursPerDay: 48, replicaSource: 'static' });
  });
});
