-- The committee's working groups as data (TC260's seven groups; the full official list is unconfirmed, so the
-- secretariat edits them in the application).
insert into working_group (code, name_zh, name_en, created_at) values
  ('WG1', '标准体系与协调工作组', 'Standard system and coordination', now()),
  ('WG2', '涉密信息系统安全保密标准工作组', 'Security of classified information systems', now()),
  ('WG3', '密码技术标准工作组', 'Cryptographic techniques', now()),
  ('WG4', '鉴别与授权标准工作组', 'Authentication and authorization', now()),
  ('WG5', '信息安全评估标准工作组', 'Information security evaluation', now()),
  ('WG6', '通信安全标准工作组', 'Communication security', now()),
  ('WG7', '信息安全管理标准工作组', 'Information security management', now());
