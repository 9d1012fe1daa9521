# Consul service registration. The portal's runtime checks compare Service.Meta with the
# catalog: team and tribe (ownership), data-classification and compliance (joined with ":").
service {
  name = "${{ values.name }}"
  port = 8080
  tags = [
    "team:${{ values.squad.name }}",
    "tribe:${{ values.tribe.name }}",
    "data-classification:${{ values.dataClassification }}",{% for requirement in values.complianceRequirements %}
    "compliance:${{ requirement }}",{% endfor %}
  ]

  meta = {
    team                  = "${{ values.squad.name }}"
    tribe                 = "${{ values.tribe.name }}"
    service               = "${{ values.name }}"
    "data-classification" = "${{ values.dataClassification }}"
    compliance            = "${{ values.complianceRequirements | join(':') or 'none' }}"
    version               = "0.1.0"
    environment           = "production"
  }

  checks = [
    {
      name     = "health"
      http     = "http://localhost:8080/health"
      interval = "10s"
      timeout  = "2s"
    },
    {
      name     = "ready"
      http     = "http://localhost:8080/ready"
      interval = "5s"
      timeout  = "2s"
    },
  ]
{% if values.compliance.serviceMeshRequired %}
  # ${{ values.dataClassification }} data runs in the service mesh (mutual TLS, intentions).
  connect {
    sidecar_service {}
  }
{% endif %}}
