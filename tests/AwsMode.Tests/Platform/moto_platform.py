"""The platform in moto, made the way the platform makes it, and read back through boto3 for the tests' checks.

  moto_platform.py provision --products N --functions N   the pre-rollout platform; prints {"UserPoolId", "ClientId"}
  moto_platform.py add-index NAME                          an admin's UpdateTable adding one ProductsTable index
  moto_platform.py state                                   what the tests check, read with boto3 (never the console's readers)

AWS_ENDPOINT_URL points at moto_server; credentials are dummies.
"""
import json
import os
import random
import sys
import time
import uuid
from datetime import datetime, timedelta, timezone

import boto3

HERE = os.path.dirname(os.path.abspath(__file__))
REGION = os.environ.get("AWS_DEFAULT_REGION", "us-east-1")
PASSWORD = "Moto-Passw0rd!"
USERS = [("jesskoufo", "jesskoufo@example.com", "Jess Koufo"), ("mariasantos", "maria.santos@example.com", "Maria Santos"),
         ("alexchen", "alex.chen@example.com", "Alex Chen"), ("opsadmin", "ops@example.com", "Platform Ops")]
CATEGORIES = ["home-decor", "kitchen", "fashion", "beauty", "garden", "fitness", "travel", "tech"]


def client(name):
    return boto3.client(name, region_name=REGION)


def wait_stack(cfn, name):
    for _ in range(600):
        status = cfn.describe_stacks(StackName=name)["Stacks"][0]["StackStatus"]
        if not status.endswith("IN_PROGRESS"):
            if not status.endswith("COMPLETE") or "ROLLBACK" in status:
                raise SystemExit(f"stack {name} ended {status}")
            return
        time.sleep(0.1)
    raise SystemExit(f"stack {name} did not finish")


def user_pool():
    """What the CDK's storage stack creates and moto's CloudFormation cannot: username sign-in with an e-mail alias."""
    cognito = client("cognito-idp")
    pool = cognito.create_user_pool(PoolName="pinterest-affiliate-users", AliasAttributes=["email"], AutoVerifiedAttributes=["email"],
                                    Schema=[{"Name": "email", "AttributeDataType": "String", "Required": True, "Mutable": True}])["UserPool"]["Id"]
    app = cognito.create_user_pool_client(UserPoolId=pool, ClientName="web", ExplicitAuthFlows=["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"])
    cognito.create_group(UserPoolId=pool, GroupName="Admins", Description="Platform administrators", Precedence=1)
    for username, email, name in USERS:
        cognito.admin_create_user(UserPoolId=pool, Username=username, MessageAction="SUPPRESS", TemporaryPassword=PASSWORD,
                                  UserAttributes=[{"Name": "email", "Value": email}, {"Name": "email_verified", "Value": "true"},
                                                  {"Name": "name", "Value": name}])
        cognito.admin_set_user_password(UserPoolId=pool, Username=username, Password=PASSWORD, Permanent=True)
    cognito.admin_add_user_to_group(UserPoolId=pool, Username="opsadmin", GroupName="Admins")
    return pool, app["UserPoolClient"]["ClientId"]


def storage_stack(pool):
    cfn = client("cloudformation")
    with open(os.path.join(HERE, "storage-stack.json"), encoding="utf-8") as f:
        body = f.read()
    cfn.create_stack(StackName="PinterestAffiliateStorageStack", TemplateBody=body, Parameters=[{"ParameterKey": "UserPoolId", "ParameterValue": pool}])
    wait_stack(cfn, "PinterestAffiliateStorageStack")
    # moto's CloudFormation ignores PointInTimeRecoverySpecification and TimeToLiveSpecification: set them as the stack would.
    dynamodb = client("dynamodb")
    for table in ["ProductsTable", "CreatorsTable", "AnalyticsEventsTable", "AnalyticsSummariesTable"]:
        dynamodb.update_continuous_backups(TableName=table, PointInTimeRecoverySpecification={"PointInTimeRecoveryEnabled": True})
    dynamodb.update_time_to_live(TableName="AnalyticsEventsTable", TimeToLiveSpecification={"Enabled": True, "AttributeName": "ttl"})


def backend_template(pool, functions, extra):
    """The backend stack's Lambda functions with the CDK's environment (backend-stack.ts), plus `extra` other resources."""
    env = {"PRODUCTS_TABLE_NAME": "ProductsTable", "CREATORS_TABLE_NAME": "CreatorsTable", "ANALYTICS_EVENTS_TABLE_NAME": "AnalyticsEventsTable",
           "ANALYTICS_SUMMARIES_TABLE_NAME": "AnalyticsSummariesTable", "USER_POOL_ID": pool}
    resources = {"LambdaRole": {"Type": "AWS::IAM::Role", "Properties": {"RoleName": "platform-lambda-role", "AssumeRolePolicyDocument": {
        "Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]}}}}
    for i in range(functions):
        resources[f"Function{i}"] = {"Type": "AWS::Lambda::Function", "Properties": {
            "FunctionName": f"platform-function-{i:03d}", "Runtime": "nodejs20.x", "Handler": "index.handler",
            "Role": {"Fn::GetAtt": ["LambdaRole", "Arn"]}, "Code": {"ZipFile": "exports.handler = async () => ({ statusCode: 200 });"},
            "Environment": {"Variables": env}}}
    for i in range(extra):
        resources[f"Queue{i}"] = {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": f"platform-queue-{i:03d}"}}
    return json.dumps({"AWSTemplateFormatVersion": "2010-09-09", "Resources": resources})


def seed_products(count):
    rng = random.Random(20261203)
    table = boto3.resource("dynamodb", region_name=REGION).Table("ProductsTable")
    epoch = datetime(2026, 11, 1, tzinfo=timezone.utc)
    with table.batch_writer() as batch:
        for _ in range(count):
            created = epoch - timedelta(days=rng.uniform(1, 720))
            updated = created + timedelta(days=rng.uniform(0, 30))
            asin = "B0" + "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789") for _ in range(8))
            batch.put_item(Item={"id": str(uuid.UUID(int=rng.getrandbits(128))), "title": f"Product {asin}", "description": "A legacy product",
                                 "category": rng.choice(CATEGORIES), "imageUrl": f"https://images.example.com/products/{asin.lower()}.jpg",
                                 "amazonLink": f"https://www.amazon.com/dp/{asin}?tag=jesskoufo-20", "tags": ["cozy"],
                                 "published": "true" if rng.random() < 0.85 else "false", "price": f"${rng.randint(5, 250)}.99",
                                 "createdAt": created.strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z",
                                 "updatedAt": updated.strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"})


def provision(products, functions):
    pool, app = user_pool()
    storage_stack(pool)
    cfn = client("cloudformation")
    cfn.create_stack(StackName="PinterestAffiliateBackendStack", TemplateBody=backend_template(pool, functions, 0), Capabilities=["CAPABILITY_NAMED_IAM"])
    wait_stack(cfn, "PinterestAffiliateBackendStack")
    seed_products(products)
    print(json.dumps({"UserPoolId": pool, "ClientId": app}))


def add_index(name):
    key = {"creatorId-index": "creatorId", "status-index": "status"}[name]
    dynamodb = client("dynamodb")
    # moto replaces the table's AttributeDefinitions with the update's (AWS merges them): send them all.
    known = dynamodb.describe_table(TableName="ProductsTable")["Table"]["AttributeDefinitions"]
    definitions = {d["AttributeName"]: d for d in known + [{"AttributeName": key, "AttributeType": "S"}]}
    dynamodb.update_table(TableName="ProductsTable", AttributeDefinitions=list(definitions.values()),
                          GlobalSecondaryIndexUpdates=[{"Create": {"IndexName": name, "KeySchema": [{"AttributeName": key, "KeyType": "HASH"},
                                                                                                   {"AttributeName": "createdAt", "KeyType": "RANGE"}],
                                                                  "Projection": {"ProjectionType": "ALL"}}}])
    for _ in range(600):
        indexes = dynamodb.describe_table(TableName="ProductsTable")["Table"].get("GlobalSecondaryIndexes", [])
        if any(i["IndexName"] == name and i["IndexStatus"] == "ACTIVE" for i in indexes):
            return
        time.sleep(0.1)
    raise SystemExit(f"{name} did not become ACTIVE")


def events(creator_id, count):
    """Page views and clicks over the last three days, as the platform's tracking functions write them."""
    table = boto3.resource("dynamodb", region_name=REGION).Table("AnalyticsEventsTable")
    now = datetime.now(timezone.utc).replace(microsecond=0)
    with table.batch_writer() as batch:
        for i in range(count):
            at = now - timedelta(hours=i % 72, seconds=i)
            batch.put_item(Item={"creatorId": creator_id, "timestamp": at.strftime("%Y-%m-%dT%H:%M:%S.000Z"), "id": str(uuid.uuid4()),
                                 "eventType": ["page_view", "product_view", "affiliate_click"][i % 3],
                                 "ttl": int((at + timedelta(days=90)).timestamp()),
                                 "metadata": {"userAgent": "test", "referrer": "", "location": "US"}})


def iam_user(name, policy_path, without=None):
    """A user holding exactly the console's policy (less one action, to see what refuses); prints its access key."""
    with open(policy_path, encoding="utf-8") as f:
        policy = json.load(f)
    if without:
        for statement in policy["Statement"]:
            actions = statement["Action"] if isinstance(statement["Action"], list) else [statement["Action"]]
            statement["Action"] = [a for a in actions if a != without]
        policy["Statement"] = [s for s in policy["Statement"] if s["Action"]]
    # moto checks the actions of a policy but matches most requests against the resource "*", not the table's or the
    # pool's ARN: a statement scoped to ARNs would refuse everything in moto, so the resources are widened here only.
    # moto also asks for dynamodb:TransactWriteItems, which AWS does not have (it checks each item's PutItem, UpdateItem, ...).
    for statement in policy["Statement"]:
        statement["Resource"] = "*"
        if "dynamodb:PutItem" in statement["Action"]:
            statement["Action"] = statement["Action"] + ["dynamodb:TransactWriteItems"]
    iam = client("iam")
    iam.create_user(UserName=name)
    iam.put_user_policy(UserName=name, PolicyName="admin-console", PolicyDocument=json.dumps(policy))
    key = iam.create_access_key(UserName=name)["AccessKey"]
    print(json.dumps({"AccessKeyId": key["AccessKeyId"], "SecretAccessKey": key["SecretAccessKey"]}))


def scan(table):
    dynamodb = client("dynamodb")
    items, start = [], None
    while True:
        page = dynamodb.scan(TableName=table, **({"ExclusiveStartKey": start} if start else {}))
        items += page["Items"]
        start = page.get("LastEvaluatedKey")
        if not start:
            return items


def state(pool):
    dynamodb, cognito = client("dynamodb"), client("cognito-idp")
    tables = dynamodb.list_tables()["TableNames"]
    products = scan("ProductsTable")
    creators = [{k: list(v.values())[0] for k, v in c.items() if "S" in v} for c in scan("CreatorsTable")]
    users = {}
    for page in cognito.get_paginator("list_users").paginate(UserPoolId=pool):
        for u in page["Users"]:
            attrs = {a["Name"]: a["Value"] for a in u.get("Attributes", [])}
            groups = [g["GroupName"] for g in cognito.admin_list_groups_for_user(UserPoolId=pool, Username=u["Username"])["Groups"]]
            users[u["Username"]] = {"sub": attrs.get("sub"), "attributes": attrs, "groups": sorted(groups)}
    indexes = [i["IndexName"] for i in dynamodb.describe_table(TableName="ProductsTable")["Table"].get("GlobalSecondaryIndexes", [])]
    schema = cognito.describe_user_pool(UserPoolId=pool)["UserPool"].get("SchemaAttributes", [])
    print(json.dumps({
        "tables": sorted(tables),
        "productIndexes": sorted(indexes),
        "products": len(products),
        "productsWithCreatorId": sum("creatorId" in p for p in products),
        "productsApproved": sum(p.get("status", {}).get("S") == "approved" for p in products),
        "productsFeaturedString": sum("S" in p.get("featured", {}) for p in products),
        "creators": creators,
        "users": users,
        "groups": sorted(g["GroupName"] for g in cognito.list_groups(UserPoolId=pool)["Groups"]),
        "customAttributes": sorted(a["Name"] for a in schema if a["Name"].startswith("custom:")),
        "summaries": len(scan("AnalyticsSummariesTable")),
    }))


if __name__ == "__main__":
    verb = sys.argv[1]
    if verb == "provision":
        args = dict(zip(sys.argv[2::2], sys.argv[3::2]))
        provision(int(args.get("--products", "300")), int(args.get("--functions", "8")))
    elif verb == "add-index":
        add_index(sys.argv[2])
    elif verb == "events":
        events(sys.argv[2], int(sys.argv[3]))
    elif verb == "iam-user":
        iam_user(sys.argv[2], sys.argv[3], sys.argv[4] if len(sys.argv) > 4 else None)
    elif verb == "state":
        state(sys.argv[2])
    else:
        raise SystemExit(f"unknown verb {verb}")
