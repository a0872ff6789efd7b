import { describe, expect, it } from '@jest/globals';
import { eventTopics, kafkaBusConfigFromEnv, readTopicsFile, topicFor } from './kafka-bus.config.js';

describe('Kafka bus configuration', () => {
  const env = { KAFKA_BROKERS: 'k1:9092, k2:9092' };

  it('reads brokers, the topics of infra/kafka/topics.json and kafkajs defaults for unset timings', () => {
    const config = kafkaBusConfigFromEnv(env);
    expect(config.brokers).toEqual(['k1:9092', 'k2:9092']);
    expect(config.clientId).toBe('convene');
    expect(config.topics.map((t) => t.name)).toEqual(readTopicsFile().map((t) => t.name));
    expect(config).toMatchObject({ defaultTopic: 'convene.events', deadLetterTopic: 'convene.dead-letter', provisionTopics: true });
    expect(config.consumer).toEqual({ groupId: 'convene-projector', sessionTimeout: undefined, heartbeatInterval: undefined, maxWaitTimeInMs: undefined });
    expect(eventTopics(config)).not.toContain('convene.dead-letter');
  });

  it("routes a module's stream types to its topic, the rest to convene.events", () => {
    const config = kafkaBusConfigFromEnv(env, {
      features: [
        { name: 'scheduling', streamTypes: ['series', 'consultation'] },
        { name: 'no-such-topic', streamTypes: ['orphan'] },
      ],
    });
    expect(topicFor(config, 'consultation')).toBe('convene.scheduling');
    expect(topicFor(config, 'series')).toBe('convene.scheduling');
    expect(topicFor(config, 'orphan')).toBe('convene.events');
    expect(topicFor(config, 'never-heard-of')).toBe('convene.events');
  });

  it('prefixes every topic and refuses a stream type routed to two topics (its order would split)', () => {
    const config = kafkaBusConfigFromEnv({ ...env, KAFKA_TOPIC_PREFIX: 'staging.' }, { features: [{ name: 'summaries', streamTypes: ['summary'] }] });
    expect(topicFor(config, 'summary')).toBe('staging.convene.summaries');
    expect(config.deadLetterTopic).toBe('staging.convene.dead-letter');
    const topics = readTopicsFile().map((t) => (t.name === 'convene.registration' ? { ...t, streamTypes: ['summary'] } : t));
    expect(() => kafkaBusConfigFromEnv(env, { topics, features: [{ name: 'summaries', streamTypes: ['summary'] }] })).toThrow(/routed to both/);
  });

  it('says what is missing or wrong', () => {
    expect(() => kafkaBusConfigFromEnv({})).toThrow(/KAFKA_BROKERS/);
    expect(() => kafkaBusConfigFromEnv({ ...env, KAFKA_SESSION_TIMEOUT_MS: 'soon' })).toThrow(/KAFKA_SESSION_TIMEOUT_MS/);
    expect(() => kafkaBusConfigFromEnv(env, { topics: readTopicsFile().filter((t) => t.name !== 'convene.events') })).toThrow(/convene.events/);
    expect(kafkaBusConfigFromEnv({ ...env, KAFKA_PROVISION_TOPICS: 'false' }).provisionTopics).toBe(false);
  });
});
