# Configures a Redmine 5 instance for the live contract tests. Run inside the application with `rails runner`
# (redmine-live.sh feeds this file on stdin). Every step is idempotent. Results are printed as `SETUP KEY=value`
# lines, which redmine-live.sh turns into the env file.

USER_LOGIN = 'jsmith'
# Redmine requires at least 8 characters (Setting.password_min_length), so the mock's `jsmith` cannot be used here.
USER_PASSWORD = 'jsmith-password1'

def emit(key, value)
  puts "SETUP #{key}=#{value}"
end

# REST web service: off after a fresh install. The running server notices the change on its next request.
Setting.rest_api_enabled = '1' unless Setting.rest_api_enabled?

admin = User.find_by(login: 'admin') || abort('setup: user admin not found')
# Only web-session logins are affected by this flag; clearing it keeps the admin usable in a browser too.
admin.update_columns(must_change_passwd: false) if admin.must_change_passwd?

user = User.find_by(login: USER_LOGIN) || User.new(firstname: 'John', lastname: 'Smith', mail: 'jsmith@example.net')
user.login = USER_LOGIN
user.admin = false
user.status = User::STATUS_ACTIVE
unless user.persisted? && user.check_password?(USER_PASSWORD)
  user.password = USER_PASSWORD
  user.password_confirmation = USER_PASSWORD
end
user.save!

cost_center = ProjectCustomField.find_by(name: 'Cost center') ||
              ProjectCustomField.create!(name: 'Cost center', field_format: 'string', visible: true, default_value: '')

seed = Project.find_by(identifier: 'seed') || Project.create!(name: 'Seed project', identifier: 'seed', is_public: true)
secret = Project.find_by(identifier: 'secret') ||
         Project.create!(name: 'Secret', identifier: 'secret', is_public: false)
seed.update!(is_public: true) unless seed.is_public?
secret.update!(is_public: false) if secret.is_public?

# A version and an issue category in each project, so that reads of existing ones (found by listing the project
# first) have something to read; the contract run's own writes create and delete their own.
[seed, secret].each do |project|
  project.versions.find_by(name: 'Seeded version') || project.versions.create!(name: 'Seeded version')
  project.issue_categories.find_by(name: 'Seeded category') ||
    project.issue_categories.create!(name: 'Seeded category')
end

emit 'REDMINE_API_KEY', admin.api_key
emit 'REDMINE_ADMIN_LOGIN', 'admin'
emit 'REDMINE_ADMIN_PASSWORD', 'admin'
emit 'REDMINE_USER_LOGIN', USER_LOGIN
emit 'REDMINE_USER_PASSWORD', USER_PASSWORD
emit 'REDMINE_USER_API_KEY', user.api_key
emit 'REDMINE_COST_CENTER_FIELD_ID', cost_center.id
