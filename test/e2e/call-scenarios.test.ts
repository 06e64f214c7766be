import { defineScenarioSuite } from '../support/scenario-suite.js';

defineScenarioSuite({
  title: 'call scenarios (zh, built-in agent)',
  scenariosFile: 'scenarios.json',
  recordsFile: 'records.json',
  product: '会员订阅服务',
  operator: 'HEAR策略',
  lang: 'zh',
  extraArgs: ['--agent', 'rules'],
});

defineScenarioSuite({
  title: 'call scenarios (en, built-in agent)',
  scenariosFile: 'scenarios-en.json',
  recordsFile: 'records-en.json',
  product: 'StreamPlus Premium',
  operator: 'HEAR Strategy',
  lang: 'en',
  extraArgs: ['--agent', 'rules'],
});
